namespace Nacars.Core;

public enum DatabaseProvider { Sqlite, Postgres }
