namespace Eas.Wire.Commands;

/// <summary>
/// The status codes every command may answer from protocol version 14.0 on (MS-ASCMD 2.2.2), in the
/// command's own top-level Status element (for example <c>&lt;FolderSync&gt;&lt;Status&gt;142&lt;/Status&gt;</c>).
/// Clients of 12.1 and earlier get the HTTP status instead (449 for provisioning, 403, 500, 503). Each
/// command's status enum takes these values by cast; the text says what the client is expected to do.
/// </summary>
public enum CommonStatus
{
    /// <summary>The body is not the content the command expects; the client fixes its request and does not retry it as is.</summary>
    InvalidContent = 101,

    /// <summary>The body is not valid WBXML; the client fixes its encoder.</summary>
    InvalidWBXML = 102,

    /// <summary>The XML does not follow the command's schema; the client fixes its request.</summary>
    InvalidXML = 103,

    /// <summary>A date-time value is malformed; the client fixes the value.</summary>
    InvalidDateTime = 104,

    /// <summary>The request names ids that cannot go together; the client fixes its request.</summary>
    InvalidCombinationOfIDs = 105,

    /// <summary>An id in the request is malformed; the client fixes it.</summary>
    InvalidIDs = 106,

    /// <summary>The MIME of a message to send is malformed; the client fixes the message.</summary>
    InvalidMIME = 107,

    /// <summary>The DeviceId is missing or malformed; the client fixes its request line.</summary>
    DeviceIdMissingOrInvalid = 108,

    /// <summary>The DeviceType is missing or malformed; the client fixes its request line.</summary>
    DeviceTypeMissingOrInvalid = 109,

    /// <summary>A server error the client may retry later; mail submission failures use it too.</summary>
    ServerError = 110,

    /// <summary>A transient server error; the client retries after a while.</summary>
    ServerErrorRetryLater = 111,

    /// <summary>The directory denies access to the mailbox; the user or administrator must act.</summary>
    ActiveDirectoryAccessDenied = 112,

    /// <summary>The mailbox is full; the user deletes items before retrying.</summary>
    MailboxQuotaExceeded = 113,

    /// <summary>The mailbox server is offline; the client retries later.</summary>
    MailboxServerOffline = 114,

    /// <summary>The user may not send more now; the client keeps the message and retries later.</summary>
    SendQuotaExceeded = 115,

    /// <summary>A recipient could not be resolved; the user fixes the address.</summary>
    MessageRecipientUnresolved = 116,

    /// <summary>Replying to this message is not allowed; the client sends a new message instead.</summary>
    MessageReplyNotAllowed = 117,

    /// <summary>The message was already sent (same ClientId); the client drops its copy from the outbox.</summary>
    MessagePreviouslySent = 118,

    /// <summary>The message has no recipient; the user adds one.</summary>
    MessageHasNoRecipient = 119,

    /// <summary>The message could not be submitted; the client may retry later.</summary>
    MailSubmissionFailed = 120,

    /// <summary>The reply could not be built from the original; the client sends full MIME instead.</summary>
    MessageReplyFailed = 121,

    /// <summary>An attachment is too large; the user removes it.</summary>
    AttachmentIsTooLarge = 122,

    /// <summary>The user has no mailbox; the administrator must act.</summary>
    UserHasNoMailbox = 123,

    /// <summary>Anonymous access is not allowed; the client authenticates.</summary>
    UserCannotBeAnonymous = 124,

    /// <summary>The user could not be found; the user checks the account settings.</summary>
    UserPrincipalCouldNotBeFound = 125,

    /// <summary>The user is not allowed to use ActiveSync; the client stops syncing and tells the user.</summary>
    UserDisabledForSync = 126,

    /// <summary>The user's mailbox is on a server that cannot sync; the administrator must act.</summary>
    UserOnNewMailboxCannotSync = 127,

    /// <summary>The user's mailbox is on a legacy server that cannot sync; the administrator must act.</summary>
    UserOnLegacyMailboxCannotSync = 128,

    /// <summary>This device is blocked for this user; the client stops and tells the user.</summary>
    DeviceIsBlockedForThisUser = 129,

    /// <summary>Access is denied; the client stops and tells the user.</summary>
    AccessDenied = 130,

    /// <summary>The account is disabled; the client stops and tells the user.</summary>
    AccountDisabled = 131,

    /// <summary>The server's sync state is missing; the client resynchronizes from SyncKey 0.</summary>
    SyncStateNotFound = 132,

    /// <summary>The sync state is in use by another request; the client retries shortly.</summary>
    SyncStateLocked = 133,

    /// <summary>The sync state is corrupt; the client resynchronizes from SyncKey 0.</summary>
    SyncStateCorrupt = 134,

    /// <summary>The sync state already exists; the client resynchronizes from SyncKey 0.</summary>
    SyncStateAlreadyExists = 135,

    /// <summary>The sync state's version is invalid; the client resynchronizes from SyncKey 0.</summary>
    SyncStateVersionInvalid = 136,

    /// <summary>The command is not supported; the client stops sending it.</summary>
    CommandNotSupported = 137,

    /// <summary>The protocol version is not supported for the command; the client uses another version.</summary>
    VersionNotSupported = 138,

    /// <summary>The device cannot fully apply the policy and the server does not allow partial compliance; the client stops.</summary>
    DeviceNotFullyProvisionable = 139,

    /// <summary>A remote wipe is pending; the client sends Provision and wipes.</summary>
    RemoteWipeRequested = 140,

    /// <summary>
    /// The device is not provisionable: it sent no policy key and the server does not allow devices that cannot be
    /// provisioned (MS-ASPROV 3.1.5.2); the client sends its key (or provisions) and retries.
    /// </summary>
    LegacyDeviceOnStrictPolicy = 141,

    /// <summary>The device is not provisioned; the client sends Provision and then retries.</summary>
    DeviceNotProvisioned = 142,

    /// <summary>The policy changed; the client sends Provision and then retries.</summary>
    PolicyRefresh = 143,

    /// <summary>The policy key is not the current one; the client sends Provision and then retries.</summary>
    InvalidPolicyKey = 144,

    /// <summary>Externally managed devices are not allowed; the client stops and tells the user.</summary>
    ExternallyManagedDevicesNotAllowed = 145,

    /// <summary>A meeting is not recurring but the request treats it so; the client fixes its request.</summary>
    NoRecurrenceInCalendar = 146,

    /// <summary>The item's class does not fit the folder; the client fixes its request.</summary>
    UnexpectedItemClass = 147,

    /// <summary>A remote server has no TLS; the client tells the user.</summary>
    RemoteServerHasNoSSL = 148,

    /// <summary>A cached request the client referred to is invalid; the client sends the full request.</summary>
    InvalidStoredRequest = 149,

    /// <summary>The item was not found; the client drops its reference to it.</summary>
    ItemNotFound = 150,

    /// <summary>The mailbox has too many folders; the user deletes some.</summary>
    TooManyFolders = 151,

    /// <summary>No folders were found; the client resynchronizes the hierarchy.</summary>
    NoFoldersFound = 152,

    /// <summary>Items were lost after a move; the client resynchronizes the folders involved.</summary>
    ItemsLostAfterMove = 153,

    /// <summary>A move failed; the client may retry.</summary>
    FailureInMoveOperation = 154,

    /// <summary>A move that does not persist was requested; the client stops asking for it.</summary>
    MoveCommandDisallowedForNonPersistentMoveAction = 155,

    /// <summary>The destination folder of a move is invalid; the client resynchronizes the hierarchy.</summary>
    MoveCommandInvalidDestinationFolder = 156,

    /// <summary>An availability request named too many recipients; the client asks for fewer.</summary>
    AvailabilityTooManyRecipients = 160,

    /// <summary>An availability request expanded a list beyond the limit; the client asks for fewer.</summary>
    AvailabilityDLLimitReached = 161,

    /// <summary>Availability could not be looked up now; the client retries later.</summary>
    AvailabilityTransientFailure = 162,

    /// <summary>Availability could not be looked up; the client gives up.</summary>
    AvailabilityFailure = 163,

    /// <summary>The BodyPartPreference type is not supported; the client asks for another type.</summary>
    BodyPartPreferenceTypeNotSupported = 164,

    /// <summary>The server needs DeviceInformation first; the client sends Settings (or Provision in 14.1+) with it.</summary>
    DeviceInformationRequired = 165,

    /// <summary>The AccountId is not one of the user's accounts; the client refreshes UserInformation.</summary>
    InvalidAccountId = 166,

    /// <summary>Sending from this account is disabled; the client tells the user.</summary>
    AccountSendDisabled = 167,

    /// <summary>Information Rights Management is disabled; the client stops using it.</summary>
    IRM_FeatureDisabled = 168,

    /// <summary>A transient rights management error; the client retries later.</summary>
    IRM_TransientError = 169,

    /// <summary>A permanent rights management error; the client gives up.</summary>
    IRM_PermanentError = 170,

    /// <summary>The rights management template id is invalid; the client refreshes its templates.</summary>
    IRM_InvalidTemplateID = 171,

    /// <summary>The rights management license does not allow the operation; the client tells the user.</summary>
    IRM_OperationNotPermitted = 172,

    /// <summary>The contact has no picture; nothing to retry.</summary>
    NoPicture = 173,

    /// <summary>The picture exceeds the size asked for; the client may ask for a larger limit.</summary>
    PictureTooLarge = 174,

    /// <summary>More pictures than the limit were asked for; the client asks for fewer.</summary>
    PictureLimitReached = 175,

    /// <summary>The conversation is too large to return as a body part; the client fetches items instead.</summary>
    BodyPart_ConversationTooLarge = 176,

    /// <summary>The user has reached the maximum number of devices; the user removes a device first.</summary>
    MaximumDevicesReached = 177,
}
