namespace Eas.Actors.Tests.Support;

/// <summary>
/// A test that needs <see cref="PostgresServer"/>: skipped, with the reason, only where PostgreSQL 15 is not
/// installed and CI is not set.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresServer.SkipReason;
    }
}
