using System.Globalization;
using System.Net;
using Eas.Wire.CodePages;

namespace Eas.Integration.Tests.Support;

internal static class PhoneExtensions
{
    /// <summary>Runs both Provision phases and keeps the final key for later requests; returns (temporary, final).</summary>
    public static async Task<(uint Temporary, uint Final)> ProvisionAsync(this EasTestClient phone)
    {
        var policyType = EasRequests.PolicyTypeFor(phone.Version);
        phone.PolicyKey = null;
        var first = await phone.PostAsync("Provision", EasRequests.ProvisionDownload(policyType, phone.Version is "14.1" or "16.0" or "16.1"));
        first.Status.ShouldBe(HttpStatusCode.OK);
        var temporary = PolicyKeyOf(first);

        phone.PolicyKey = temporary;
        var second = await phone.PostAsync("Provision", EasRequests.ProvisionAcknowledge(policyType, temporary));
        second.Status.ShouldBe(HttpStatusCode.OK);
        var final = PolicyKeyOf(second);
        phone.PolicyKey = final;
        return (temporary, final);
    }

    public static uint PolicyKeyOf(EasResponse response)
    {
        var policy = response.Body.ShouldNotBeNull().Element(Provision.Policies).ShouldNotBeNull().Element(Provision.Policy).ShouldNotBeNull();
        policy.ValueOf(Provision.Status).ShouldBe("1");
        return uint.Parse(policy.ValueOf(Provision.PolicyKey).ShouldNotBeNull(), CultureInfo.InvariantCulture);
    }
}
