using System.Text.Json.Serialization;
using Akka.Actor;
using Eas.Actors.Persistence;
using Eas.Mail.Imap;
using Eas.Mail.Imap.Protocol;

namespace Eas.Actors.Cluster.Serialization;

/// <summary>
/// The exception of a <see cref="Status.Failure"/> as it crosses between nodes. Akka's own serializer for failures
/// writes the exception's CLR type name and rebuilds it through the legacy <c>ISerializable</c> constructor, which
/// our exceptions do not have (it is obsolete on .NET 8 and later), so the asker would get no exception at all.
/// Instead each failure the edge answers on its own (a store or IMAP outage, a timeout: HTTP 503 with Retry-After)
/// has a kind here and arrives as the same exception type with the same message; every other exception arrives as a
/// <see cref="RemoteActorFailureException"/> with its message, which the edge answers like any unexpected failure.
/// </summary>
/// <remarks>Only the message travels: not the inner exceptions, the stack trace or a failure's state.</remarks>
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
        ImapStoreUnavailableException e => new ImapUnavailableFailure(e.Message),
        ImapProtocolException e => new ImapProtocolFailure(e.Message),
        ImapCommandException e => new ImapCommandFailure(
            e.Command, e.Status, e.ResponseCode?.Name, e.ResponseCode?.Arguments, e.ResponseText, e is ImapAuthenticationException),
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
    public override Exception ToException() => new ImapStoreUnavailableException(Message);
}

internal sealed record ImapProtocolFailure(string Message) : ClusterFailure
{
    public override Exception ToException() => new ImapProtocolException(Message);
}

/// <summary>A refused IMAP command, or refused credentials when <paramref name="Authentication"/>; the response text is already masked.</summary>
internal sealed record ImapCommandFailure(
    string Command, ImapResponseStatus Status, string? CodeName, string? CodeArguments, string ResponseText, bool Authentication) : ClusterFailure
{
    public override Exception ToException()
    {
        var code = CodeName is null ? null : new ImapResponseCode(CodeName, CodeArguments);
        return Authentication
            ? new ImapAuthenticationException(Command, code, ResponseText)
            : new ImapCommandException(Command, Status, code, ResponseText);
    }
}

internal sealed record AskTimeoutFailure(string Message) : ClusterFailure
{
    public override Exception ToException() => new AskTimeoutException(Message);
}

internal sealed record UnexpectedFailure(string Message) : ClusterFailure
{
    public override Exception ToException() => new RemoteActorFailureException(Message);
}
