using Eas.Actors.Mailboxes;

namespace Eas.Actors.Sending;

/// <summary>
/// Where phones' messages are submitted for delivery (SMTP submission, RFC 6409, with the user's own
/// credentials). A refusal is a <see cref="SubmissionException"/> saying what kind it was; the message is
/// written by the caller's writer as the submission needs it, never held whole in memory.
/// </summary>
public interface IMailSubmitter
{
    Task SubmitAsync(
        MailCredentials credentials,
        string envelopeFrom,
        IReadOnlyList<string> recipients,
        Func<Stream, CancellationToken, Task> writeMessage,
        CancellationToken cancellationToken);
}

/// <summary>Why a submission failed, in the terms the ComposeMail statuses need (MS-ASCMD 2.2.2).</summary>
public enum SubmissionFailure
{
    /// <summary>The submission server is down or answered a temporary failure (4xx): retry later.</summary>
    Unavailable,

    /// <summary>The message is larger than the server accepts.</summary>
    MessageTooLarge,

    /// <summary>The server refused one or more recipients.</summary>
    RecipientRefused,

    /// <summary>The server refused the user's credentials.</summary>
    AuthenticationFailed,

    /// <summary>Any other permanent refusal (5xx).</summary>
    Rejected,
}

/// <summary>A submission that did not go through; <see cref="Failure"/> says whether a retry can help.</summary>
public sealed class SubmissionException : Exception
{
    public SubmissionException(SubmissionFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public SubmissionException() : this(SubmissionFailure.Rejected, "The submission was refused.") { }

    public SubmissionException(string message) : this(SubmissionFailure.Rejected, message) { }

    public SubmissionException(string message, Exception innerException) : this(SubmissionFailure.Rejected, message, innerException) { }

    public SubmissionFailure Failure { get; }
}
