using System.Text.Json.Serialization;
using Akka.Actor;
using Eas.Actors.Persistence;
using Eas.Actors.Mailboxes;
using MailKit.Net.Imap;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// The exception of a <see cref="Status.Failure"/> as it crosses between nodes. Akka's own serializer for failures
/// writes the exception's CLR type name and rebuilds it through the legacy <c>ISerializable</c> constructor, which
/// our exceptions do not have (it is obsolete on .NET 8 and later), so the asker would get no exception at all.
/// Instead each failure the edge answers on its own (a store or IMAP outage, a refused IMAP command, a timeout: HTTP 503
/// with Retry-After) has a kind here and arrives as the same exception type with the same message; every other exception arrives as a
/// <see cref="RemoteActorFailureException"/> with its message, which the edge answers like any unexpected failure.
/// </summary>
/// <remarks>
/// Only the message travels: not the inner exceptions, the stack trace or a failure's state. The kinds
/// <c>imap-unavailable</c> and <c>imap-command</c> kept their names and fields when the IMAP client became MailKit's;
/// <c>imap-protocol</c> is only read (from a node still on the old client) and arrives as the store being unavailable.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StoreUnavailableFailure), "store-unavailable")]
[JsonDerivedType(typeof(ImapUnavailableFailure), "imap-unavailable")]
[JsonDerivedType(typeof(ImapProtocolFailure), "imap-protocol")]
[JsonDerivedType(typeof(ImapCommandFailure), "imap-command")]
[JsonDerivedType(typeof(AskTimeoutFailure), "ask-timeout")]
[JsonDerivedType(typeof(UnexpectedFailure), "unexpected")]
internal abstract record ClusterFailure
{
    public static ClusterFailure From(Exception? error) => error switch
    {
        StoreUnavailableException e => new StoreUnavailableFailure(e.Message),
        MailStoreUnavailableException e => new ImapUnavailableFailure(e.Message),
        ImapCommandException e => new ImapCommandFailure(string.Empty, e.Response, null, null, e.ResponseText, false) { Message = e.Message },
        AskTimeoutException e => new AskTimeoutFailure(e.Message),
        null => new UnexpectedFailure("The actor failed without an exception."),
        _ => new UnexpectedFailure($"{error.GetType().Name}: {error.Message}"),
    };

    /// <summary>The exception the asker on this node gets.</summary>
    public abstract Exception ToException();
}

internal sealed record StoreUnavailableFailure(string Message) : ClusterFailure
{
    public override Exception ToException() => new StoreUnavailableException(Message);
}

internal sealed record ImapUnavailableFailure(string Message) : ClusterFailure
{
    public override Exception ToException() => new MailStoreUnavailableException(Message);
}

/// <summary>An unreadable IMAP response on a node of the old client: the store was unavailable to it.</summary>
internal sealed record ImapProtocolFailure(string Message) : ClusterFailure
{
    public override Exception ToException() => new MailStoreUnavailableException(Message);
}

/// <summary>
/// A refused IMAP command (tagged NO or BAD, RFC 3501 7.1); the response text is already masked. Command, code and
/// <paramref name="Authentication"/> are filled only by nodes of the old client; refused credentials from one arrive
/// as the store being unavailable, as a login refused moments after it was accepted always was.
/// </summary>
internal sealed record ImapCommandFailure(
    string Command, ImapCommandResponse Status, string? CodeName, string? CodeArguments, string ResponseText, bool Authentication) : ClusterFailure
{
    /// <summary>The exception's message; null from nodes of the old client.</summary>
    public string? Message { get; init; }

    public override Exception ToException() => Authentication
        ? new MailStoreUnavailableException(ResponseText)
        : new ImapCommandException(Status, ResponseText, Message ?? $"The IMAP server answered {Command} {Status}: {ResponseText}");
}

internal sealed record AskTimeoutFailure(string Message) : ClusterFailure
{
    public override Exception ToException() => new AskTimeoutException(Message);
}

internal sealed record UnexpectedFailure(string Message) : ClusterFailure
{
    public override Exception ToException() => new RemoteActorFailureException(Message);
}
