using Eas.Actors.Devices.Access;

namespace Eas.Host.Options;

/// <summary>
/// <c>Eas:Devices:Quarantine</c>: the notice a quarantined device's owner finds in the Inbox (and on the phone), and
/// the admins mailed once per quarantined device. The subject and body may use <c>{DeviceType}</c>,
/// <c>{DeviceModel}</c>, <c>{DeviceId}</c>, <c>{Account}</c> (and <c>{OperatingSystem}</c>, <c>{UserAgent}</c>,
/// <c>{FirstSeen}</c>).
/// </summary>
public sealed class QuarantineOptions
{
    /// <summary>Addresses mailed when a device becomes quarantined, through the SMTP submission server (<c>Eas:Smtp</c>).</summary>
    public List<string> NotifyAddresses { get; set; } = [];

    public string NoticeSubject { get; set; } = QuarantineNoticeSettings.DefaultSubject;

    public string NoticeBody { get; set; } = QuarantineNoticeSettings.DefaultBody;

    /// <summary>The settings device actors use; blank templates fall back to the defaults, blank addresses are dropped.</summary>
    public QuarantineNoticeSettings ToSettings() => new()
    {
        NoticeSubject = string.IsNullOrWhiteSpace(NoticeSubject) ? QuarantineNoticeSettings.DefaultSubject : NoticeSubject,
        NoticeBody = string.IsNullOrWhiteSpace(NoticeBody) ? QuarantineNoticeSettings.DefaultBody : NoticeBody,
        NotifyAddresses = [.. NotifyAddresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
    };
}
