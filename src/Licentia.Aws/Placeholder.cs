namespace Licentia.Aws; internal static class Placeholder { }
