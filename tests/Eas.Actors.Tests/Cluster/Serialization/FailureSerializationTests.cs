using Akka.Actor;
using Eas.Actors.Cluster.Serialization;
using Eas.Actors.Persistence;
using Eas.Actors.Mailboxes;
using MailKit.Net.Imap;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>
/// A failed ask's answer crosses as the exception the edge maps to HTTP 503 (store, IMAP, timeout), with its
/// message; anything else as a <see cref="RemoteActorFailureException"/>. No exception is rebuilt from a type name.
/// </summary>
public sealed class FailureSerializationTests(ServerSerialization server) : IClassFixture<ServerSerialization>
{
    public static TheoryData<string> RetriableFailures => ["store", "imap-unavailable", "imap-command", "ask-timeout"];

    [Theory]
    [MemberData(nameof(RetriableFailures))]
    public void A_failure_the_edge_answers_503_arrives_as_the_same_exception(string which)
    {
        var cause = Cause(which);

        var crossing = server.Cross(new Status.Failure(cause));

        crossing.Serializer.ShouldBeOfType<ClusterMessageSerializer>();
        crossing.Manifest.ShouldBe(ClusterManifests.Failure);
        crossing.Json.ShouldNotContain(cause.GetType().Name);
        var arrived = crossing.Message.ShouldBeOfType<Status.Failure>().Cause;
        arrived.GetType().ShouldBe(cause.GetType());
        arrived.Message.ShouldBe(cause.Message);
    }

    [Fact]
    public void A_refused_imap_command_keeps_what_the_server_said()
    {
        var cause = new ImapCommandException(ImapCommandResponse.No, "No such mailbox", "The IMAP server replied to the SELECT command with a NO response: No such mailbox");

        var arrived = server.Cross(new Status.Failure(cause)).Message.ShouldBeOfType<Status.Failure>().Cause.ShouldBeOfType<ImapCommandException>();

        (arrived.Response, arrived.ResponseText, arrived.Message).ShouldBe((ImapCommandResponse.No, "No such mailbox", cause.Message));
    }

    [Fact]
    public void Failures_from_a_node_on_the_old_imap_client_arrive_as_the_store_being_unavailable()
    {
        var unavailable = server.Cross(new Status.Failure(new MailStoreUnavailableException("The IMAP server closed the connection.")));
        var refused = server.Cross(new Status.Failure(new ImapCommandException(ImapCommandResponse.No, "Authentication failed.", "The IMAP server replied to the LOGIN command with a NO response.")));
        var protocolJson = unavailable.Json.Replace("imap-unavailable", "imap-protocol", StringComparison.Ordinal);
        var loginJson = System.Text.RegularExpressions.Regex.Replace(refused.Json, "(\"authentication\"\\s*:\\s*)false", "$1true", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        protocolJson.ShouldContain("imap-protocol");
        loginJson.ShouldNotBe(refused.Json);
        foreach (var json in new[] { protocolJson, loginJson })
        {
            var arrived = server.System.Serialization.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), unavailable.Serializer.Identifier, unavailable.Manifest);
            arrived.ShouldBeOfType<Status.Failure>().Cause.ShouldBeOfType<MailStoreUnavailableException>();
        }
    }

    [Fact]
    public void Any_other_failure_arrives_as_a_remote_actor_failure_with_its_type_and_message()
    {
        var arrived = server.Cross(new Status.Failure(new InvalidOperationException("The device lost its state."))).Message.ShouldBeOfType<Status.Failure>();

        arrived.Cause.ShouldBeOfType<RemoteActorFailureException>().Message.ShouldBe("InvalidOperationException: The device lost its state.");
    }

    private static Exception Cause(string which) => which switch
    {
        "store" => new StoreUnavailableException("The journal refused a write of device/mike@ox.io/phone1: disk full"),
        "imap-unavailable" => new MailStoreUnavailableException("The IMAP server said BYE."),
        "imap-command" => new ImapCommandException(ImapCommandResponse.Bad, "Invalid arguments", "The IMAP server replied to the FETCH command with a BAD response: Invalid arguments"),
        "ask-timeout" => new AskTimeoutException("Timeout after 00:00:30 seconds"),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };
}
