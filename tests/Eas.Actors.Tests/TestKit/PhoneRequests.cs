using Eas.Actors.Devices;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.TestKit;

/// <summary>A request of the test phone <c>Phone1</c> (EAS 14.1) as the HTTP edge hands it to the devices.</summary>
public static class PhoneRequests
{
    public static DeviceRequest For(EasCommand command, object? body = null, uint? policyKey = null, string account = "mike@ox.io") => new(
        account,
        account,
        new EasRequestLine
        {
            Command = command,
            DeviceId = "Phone1",
            DeviceType = "TestPhone",
            ProtocolVersion = ProtocolVersion.V141,
            PolicyKey = policyKey,
            Encoding = EasQueryEncoding.Plain,
        },
        body);
}
