using Eas.Actors.Persistence.Journal;
using Npgsql;

namespace Eas.Actors.Tests.Persistence.Journal;

public class JournalLoadTests
{
    [Fact]
    public void The_pool_size_and_connect_timeout_are_filled_in_where_the_connection_string_is_silent()
    {
        var tuned = new NpgsqlConnectionStringBuilder(new JournalLoad { PoolSize = 20, ConnectTimeout = TimeSpan.FromSeconds(12) }.Tune("Host=127.0.0.1;Port=5432;Database=eas"));

        (tuned.MaxPoolSize, tuned.Timeout, tuned.Host, tuned.Database).ShouldBe((20, 12, "127.0.0.1", "eas"));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Maximum Pool Size=50;Timeout=5")]
    [InlineData("Host=127.0.0.1;maxpoolsize=50;timeout=5")]
    [InlineData("Host=127.0.0.1; Maximum Pool Size = 50 ; Timeout = 5")]
    [InlineData("Host=127.0.0.1;Password='a;Timeout=1=b';Maximum Pool Size=50;Timeout=5")]
    public void What_the_connection_string_sets_itself_is_kept(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(JournalLoad.Default.Tune(connectionString));

        (tuned.MaxPoolSize, tuned.Timeout).ShouldBe((50, 5));
    }

    [Fact]
    public void A_key_inside_a_quoted_value_is_not_taken_for_a_setting()
    {
        var tuned = new NpgsqlConnectionStringBuilder(JournalLoad.Default.Tune("Host=127.0.0.1;Password='x;Timeout=1;MaxPoolSize=2'"));

        (tuned.MaxPoolSize, tuned.Timeout, tuned.Password).ShouldBe((JournalLoad.Default.PoolSize, 15, "x;Timeout=1;MaxPoolSize=2"));
    }

    [Fact]
    public void The_defaults_keep_three_nodes_under_postgresqls_default_max_connections()
    {
        (3 * JournalLoad.Default.PoolSize).ShouldBeLessThan(100 - 3);
        JournalLoad.Default.MaxConcurrentRecoveries.ShouldBeLessThan(JournalLoad.Default.PoolSize);
        JournalLoad.Default.BreakerCallTimeout.ShouldBeGreaterThan(JournalLoad.Default.ConnectTimeout);
    }
}
