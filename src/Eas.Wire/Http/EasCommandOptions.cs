namespace Eas.Wire.Http;

/// <summary>
/// The bits of the Options command parameter of the base64-encoded query value
/// (MS-ASHTTP 2.2.1.1.1.1.3). Bits the spec does not define are ignored.
/// </summary>
[Flags]
public enum EasCommandOptions : byte
{
    /// <summary>No option set.</summary>
    None = 0,

    /// <summary>Save the sent message in Sent Items (SendMail, SmartForward, SmartReply).</summary>
    SaveInSent = 0x01,

    /// <summary>Return fetched content as a multipart response (ItemOperations).</summary>
    AcceptMultiPart = 0x02,
}
