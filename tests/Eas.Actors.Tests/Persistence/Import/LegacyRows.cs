namespace Eas.Actors.Tests.Persistence.Import;

/// <summary>
/// Rows exactly as the pre-Akka store wrote them: copied from the <c>eas-state.db</c> the old build (git <c>7b26be1^</c>)
/// produced for the integration fixture (<c>tests/Eas.Integration.Tests/Fixtures/LegacyState</c>): its
/// <c>JsonEntityStore</c> serialized the records of that time with System.Text.Json's web defaults, computed properties
/// (<c>key</c>, <c>previousKey</c>, <c>hasPending</c>, <c>isEmpty</c>) included.
/// </summary>
internal static class LegacyRows
{
    public const string DeviceId = "legacy@ox.io/legacyphone1";

    public const string Device = """
        {"accountId":"legacy@ox.io","deviceId":"LegacyPhone1","deviceType":"TestPhone","protocolVersion":"14.1","userAgent":"Eas-Integration-Tests/1.0","policyKey":1446220696,"policyFingerprint":"EC3BD43FC81B4F9B","pendingPolicyKey":null,"pendingPolicyFingerprint":null,"acknowledgedTemporaryKey":692964509,"policyApplyStatus":1,"provisionedAt":"2026-12-07T07:34:30.3939486+00:00","information":{"model":"Pixel 3","imei":null,"friendlyName":"Test phone","operatingSystem":"Android 11","operatingSystemLanguage":"en-US","phoneNumber":null,"mobileOperator":null,"userAgent":null,"enableOutboundSms":null},"firstSeen":"2026-12-07T07:34:29.4090691+00:00","lastSeen":"2026-12-07T07:34:29.4090691+00:00","issuedKeys":[692964509,1446220696],"sentMessages":[],"hierarchy":{"epoch":"add763ee","counter":1,"known":{"1":{"serverId":"1","parentId":"0","displayName":"INBOX","type":2},"2":{"serverId":"2","parentId":"0","displayName":"Drafts","type":3},"3":{"serverId":"3","parentId":"0","displayName":"Junk","type":12},"4":{"serverId":"4","parentId":"0","displayName":"Sent","type":5},"5":{"serverId":"5","parentId":"0","displayName":"Trash","type":4}},"previousCounter":null,"previousKnown":{},"key":"add763ee-1","previousKey":null},"ping":null}
        """;

    public const string InboxCollectionId = "legacy@ox.io/legacyphone1/1";

    public const string InboxCollection = """
        {"epoch":"d8c8c7ec","counter":3,"uidValidity":1796628870,"modSeq":2,"filterType":0,"items":{"1":0,"2":0,"3":0},"pendingAdds":[],"pendingChanges":{},"pendingDeletes":[],"options":{"class":null,"filterType":null,"bodyPreferences":[{"type":1,"truncationSize":5120,"allOrNone":null,"preview":null}],"bodyPartPreferences":[],"conflict":null,"mimeSupport":null,"mimeTruncation":null,"truncation":null,"maxItems":null,"rightsManagementSupport":null},"sent":null,"key":"d8c8c7ec-3","previousKey":null,"hasPending":false}
        """;

    public const string FolderMapId = "legacy@ox.io";

    public const string FolderMap = """
        {"nextId":6,"folders":{"1":{"name":"INBOX","uidValidity":1796628870,"mailboxId":null},"2":{"name":"Drafts","uidValidity":1796628871,"mailboxId":null},"3":{"name":"Junk","uidValidity":1796628874,"mailboxId":null},"4":{"name":"Sent","uidValidity":1796628872,"mailboxId":null},"5":{"name":"Trash","uidValidity":1796628873,"mailboxId":null}}}
        """;

    public const string AccountId = "legacy@ox.io";

    public const string Account = """
        {"accountId":"legacy@ox.io","settings":{"class":null,"features":{"activeSync":null,"email":null,"contacts":null,"pim":null,"isEmpty":true},"disabledByLicense":false},"holdsSlot":true,"firstSeen":"2026-12-07T07:34:29.5304531+00:00"}
        """;

    public const string LicenseId = "deployment";

    public const string License = """
        {"firstStart":"2026-12-07T07:34:24.2310356+00:00","holders":[{"accountId":"legacy@ox.io","since":"2026-12-07T07:34:29.5326556+00:00"}],"turnedOff":[]}
        """;

    public const string DirectoryId = "service";

    public const string Directory = """
        {"serviceEnabled":true,"serviceDefaults":{"activeSync":null,"email":null,"contacts":null,"pim":null,"isEmpty":true},"domains":{"ox.io":{"activeSync":null,"email":true,"contacts":null,"pim":null,"isEmpty":false}},"classes":{"staff":{"activeSync":null,"email":null,"contacts":false,"pim":null,"isEmpty":false}}}
        """;
}
