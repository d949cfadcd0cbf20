namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>The Status of a recipient's Availability (MS-ASCMD 2.2.3.177.12, as a child of Availability; 14.0 and later).</summary>
public enum AvailabilityStatus
{
    /// <summary>Free/busy data was retrieved; MergedFreeBusy carries it.</summary>
    Success = 1,

    /// <summary>The request named more than 100 recipients by SMTP address (MS-ASCMD 2.2.3.183).</summary>
    TooManyRecipients = 160,

    /// <summary>The distribution list has more than 20 members; merged free/busy would not be useful.</summary>
    DistributionListTooLarge = 161,

    /// <summary>Free/busy data could not be retrieved because of a temporary failure; the client SHOULD reissue the request.</summary>
    TemporaryFailure = 162,

    /// <summary>Free/busy data could not be retrieved for this recipient and a retry will not help; the client SHOULD NOT reissue the request.</summary>
    NotRetrieved = 163,
}
