namespace Licentia.Storage.Postgres; internal static class Placeholder { }
