namespace Licentia.Storage; internal static class Placeholder { }
