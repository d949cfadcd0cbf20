using Akka.Event;
using Eas.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Integration.Tests;

/// <summary>Akka.NET's own log reaches the server's Serilog pipeline (not Akka's stdout logger), at Akka's level WARNING.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class AkkaLogRoutingTests(DovecotFixture dovecot)
{
    [Fact]
    public async Task A_warning_on_the_actor_systems_event_stream_is_a_Serilog_event_and_an_info_is_not()
    {
        var logs = new LogCapture();
        await using var server = await ServerInstance.StartAsync(dovecot, null, logs.AddTo);
        var system = server.Services.GetRequiredService<Akka.Actor.ActorSystem>();
        var marker = Guid.NewGuid().ToString("N");

        system.Log.Info("info {0}", marker);
        system.Log.Warning("warning {0}", marker);

        var warning = (await logs.WaitForAsync(e => e.Message.Contains("warning " + marker, StringComparison.Ordinal))).ShouldHaveSingleItem();
        warning.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);
        logs.Entries.ShouldNotContain(e => e.Message.Contains("info " + marker, StringComparison.Ordinal), "akka.loglevel is WARNING");
    }
}
