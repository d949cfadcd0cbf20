namespace Eas.Actors.Sync.Email.Drafts;

/// <summary>Why a draft from the phone cannot be stored or sent as it is.</summary>
public enum DraftRejection
{
    /// <summary>An element is malformed or not one a draft can have (Sync Status 6, MS-ASCMD 2.2.3.177.17).</summary>
    Unreadable,

    /// <summary>An attachment is larger than the server takes (Sync Status 6, nothing stored).</summary>
    AttachmentTooLarge,

    /// <summary>A Delete names a FileReference the draft does not have (Sync Status 8, MS-ASCMD 2.2.3.177.17).</summary>
    UnknownAttachment,
}

/// <summary>A draft the phone sent that is refused before anything is written.</summary>
public sealed class DraftRejectedException : Exception
{
    public DraftRejectedException(DraftRejection rejection, string message) : base(message) => Rejection = rejection;

    public DraftRejectedException() : this(DraftRejection.Unreadable, "The draft was refused.") { }

    public DraftRejectedException(string message) : this(DraftRejection.Unreadable, message) { }

    public DraftRejectedException(string message, Exception innerException) : base(message, innerException) => Rejection = DraftRejection.Unreadable;

    public DraftRejection Rejection { get; }
}
