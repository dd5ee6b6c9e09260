namespace Licentia.Core; internal static class Placeholder { }
