namespace Licentia.Storage.Sqlite; internal static class Placeholder { }
