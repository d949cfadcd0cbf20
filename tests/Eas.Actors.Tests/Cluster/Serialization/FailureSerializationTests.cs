using Akka.Actor;
using Eas.Actors.Cluster.Serialization;
using Eas.Actors.Persistence;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Protocol;

namespace Eas.Actors.Tests.Cluster.Serialization;

/// <summary>
/// A failed ask's answer crosses as the exception the edge maps to HTTP 503 (store, IMAP, timeout), with its
/// message; anything else as a <see cref="RemoteActorFailureException"/>. No exception is rebuilt from a type name.
/// </summary>
public sealed class FailureSerializationTests(ServerSerialization server) : IClassFixture<ServerSerialization>
{
    public static TheoryData<string> RetriableFailures => ["store", "imap-unavailable", "imap-protocol", "imap-command", "imap-authentication", "ask-timeout"];

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
        var cause = new ImapCommandException("SELECT", ImapResponseStatus.No, new ImapResponseCode("NONEXISTENT", null), "No such mailbox");

        var arrived = server.Cross(new Status.Failure(cause)).Message.ShouldBeOfType<Status.Failure>().Cause.ShouldBeOfType<ImapCommandException>();

        (arrived.Command, arrived.Status, arrived.ResponseCode, arrived.ResponseText).ShouldBe(("SELECT", ImapResponseStatus.No, cause.ResponseCode, "No such mailbox"));
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
        "imap-unavailable" => new ImapStoreUnavailableException("The IMAP server said BYE."),
        "imap-protocol" => new ImapProtocolException("The IMAP server closed the connection."),
        "imap-command" => new ImapCommandException("FETCH", ImapResponseStatus.Bad, null, "Invalid arguments"),
        "imap-authentication" => new ImapAuthenticationException("LOGIN", new ImapResponseCode("AUTHENTICATIONFAILED", null), "Authentication failed."),
        "ask-timeout" => new AskTimeoutException("Timeout after 00:00:30 seconds"),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };
}
