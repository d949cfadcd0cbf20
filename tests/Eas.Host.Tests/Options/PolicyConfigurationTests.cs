using Eas.Host.Options;
using Microsoft.Extensions.Configuration;

namespace Eas.Host.Tests.Options;

public sealed class PolicyConfigurationTests
{
    [Fact]
    public void The_shipped_policy_names_only_settings_MS_ASPROV_defines()
    {
        var provisioning = new ProvisioningOptions();
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()
            .GetSection("Eas:Provisioning").Bind(provisioning);

        provisioning.Policy.Count.ShouldBeGreaterThan(5);
        ServerHost.PolicyFrom(provisioning).Settings.Count.ShouldBe(provisioning.Policy.Count);
    }

    [Fact]
    public void A_misspelled_setting_stops_the_start_naming_it()
    {
        var provisioning = new ProvisioningOptions { Policy = { ["DevicePasswordEnabled"] = "1", ["DevicePaswordEnabled"] = "1", ["ApplicationName"] = "x" } };

        var error = Should.Throw<InvalidOperationException>(() => ServerHost.PolicyFrom(provisioning));

        error.Message.ShouldContain("DevicePaswordEnabled");
        error.Message.ShouldContain("ApplicationName");
        error.Message.ShouldNotContain("DevicePasswordEnabled,");
    }
}
