using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;

namespace Eas.Actors.Persistence.Journal;

/// <summary>Composition of the journal, the snapshot store and their serializer (Akka.Hosting).</summary>
public static class EasPersistenceHostingExtensions
{
    /// <summary>
    /// Makes Akka.Persistence.Sql the default journal and snapshot store, with tables created on first use
    /// (<c>journal</c>, <c>tags</c>, <c>snapshot</c>; default table mapping, writer-uuid column, tags in the tag
    /// table), and binds <see cref="IPersistedMessage"/> to <see cref="JsonManifestSerializer"/> with
    /// <paramref name="manifests"/> as its table.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Akka.Persistence.Sql 1.5.73 takes a linq2db 6.5.1 provider name (<c>provider-name</c>, a
    /// <see cref="ProviderName"/> constant); the most specific one spares linq2db detecting the dialect:
    /// <see cref="ProviderName.SQLiteMS"/> = <c>"SQLite.MS"</c> for Microsoft.Data.Sqlite (<c>"SQLite.Classic"</c>
    /// would be System.Data.SQLite, not referenced; plain <c>"SQLite"</c> detects), and
    /// <see cref="ProviderName.PostgreSQL15"/> = <c>"PostgreSQL.15"</c> for Npgsql (6.5.1 names 9.2, 9.3, 9.5, 11,
    /// 12, 13, 15, 18 and 19; for a server between two, the older name).
    /// </para>
    /// <para>
    /// SQLite: the file is prepared here, once, by <see cref="SqliteJournalFile.Prepare"/> (WAL, busy timeout).
    /// PostgreSQL: the connection string is used as given, with <see cref="JournalLoad.Tune"/> filling in the pool size and
    /// connect timeout it does not set; the database must exist, the tables need not. Both: the recovery and breaker
    /// limits of <see cref="JournalOptions.Load"/> (none: the plugins' own defaults).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">The option the provider needs is missing.</exception>
    public static AkkaConfigurationBuilder WithEasPersistence(
        this AkkaConfigurationBuilder builder,
        JournalOptions options,
        JsonManifestSetup manifests)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(manifests);

        var (connectionString, providerName) = options.Provider switch
        {
            JournalProvider.Sqlite => (SqliteJournalFile.Prepare(Required(options.DataDirectory, nameof(JournalOptions.DataDirectory))), ProviderName.SQLiteMS),
            JournalProvider.PostgreSql => (options.Load is { } load ? load.Tune(Required(options.ConnectionString, nameof(JournalOptions.ConnectionString))) : Required(options.ConnectionString, nameof(JournalOptions.ConnectionString)), ProviderName.PostgreSQL15),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown journal provider."),
        };

        return builder
            .AddSetup(manifests)
            .AddHocon(JsonManifestSerializer.Bindings, HoconAddMode.Prepend)
            .WithSqlPersistence(connectionString, providerName, autoInitialize: true)
            // After the plugin's own HOCON and prepended, so these limits win over its defaults.
            .AddHocon(options.Load?.Hocon() ?? string.Empty, HoconAddMode.Prepend);
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"Journal option {name} is required for this provider.")
            : value;
}
