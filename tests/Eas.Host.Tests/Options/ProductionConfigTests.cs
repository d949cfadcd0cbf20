using Eas.Actors.Mailboxes.Imap;
using Eas.Host.Options;
using Microsoft.Extensions.Configuration;

namespace Eas.Host.Tests.Options;

/// <summary>
/// The production example of config/: the systemd unit and /etc/eas-server/appsettings.json agree with each other and
/// with the settings the server really reads, so an operator who copies them gets a service that binds and starts.
/// </summary>
public sealed class ProductionConfigTests
{
    /// <summary>Settings read outside <see cref="EasOptions"/> (ServerLogging reads Eas:LogLevel itself).</summary>
    private static readonly string[] ReadElsewhere = ["Eas:LogLevel"];

    [Fact]
    public void The_etc_appsettings_example_names_only_settings_the_server_reads()
    {
        var file = new ConfigurationBuilder().AddJsonFile(RepoFile("config/etc/appsettings.json")).Build();
        var eas = new ConfigurationBuilder()
            .AddInMemoryCollection(file.AsEnumerable().Where(pair => !ReadElsewhere.Contains(pair.Key, StringComparer.OrdinalIgnoreCase)))
            .Build()
            .GetSection(EasOptions.Section);

        var options = eas.Get<EasOptions>(binder => binder.ErrorOnUnknownConfiguration = true)!;

        options.Imap.Security.ShouldBe(ImapSecurity.Tls);
        options.Imap.Port.ShouldBe(993);
        options.Imap.AcceptAnyCertificate.ShouldBeFalse("a remote IMAP certificate is checked against the system trust store");
        options.Smtp.Enabled.ShouldBeTrue();
        options.DataDir.ShouldBe("/var/lib/eas-server");
        file["Urls"].ShouldStartWith("https://");
        file["Kestrel:Certificates:Default:Path"].ShouldNotBeNullOrEmpty();
        file["Kestrel:Certificates:Default:KeyPath"].ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void The_unit_binds_443_as_an_unprivileged_user_and_reads_the_etc_settings_and_secrets()
    {
        var unit = Directives(RepoFile("config/eas-server.service"));

        unit["User"].ShouldBe(["eas"]);
        unit["AmbientCapabilities"].ShouldBe(["CAP_NET_BIND_SERVICE"]);
        unit["CapabilityBoundingSet"].ShouldBe(["CAP_NET_BIND_SERVICE"]);
        unit["ExecStart"].Single().ShouldContain("--config /etc/eas-server/appsettings.json");
        unit["EnvironmentFile"].Single().TrimStart('-').ShouldBe("/etc/eas-server/secrets.env");
        unit["ReadWritePaths"].ShouldContain("/var/lib/eas-server", "the data directory of config/etc/appsettings.json");
        unit["StateDirectory"].ShouldBe(["eas-server"]);
    }

    [Fact]
    public void The_config_file_wins_over_the_binarys_appsettings_and_loses_to_the_environment_and_the_command_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("eas-config").FullName, "appsettings.json");
        File.WriteAllText(file, """
            { "Urls": "http://127.0.0.1:18443", "Eas": { "ConfigOrderProbe": { "FromFile": "file", "Secret": "file", "Cli": "file" } } }
            """);
        Environment.SetEnvironmentVariable("Eas__ConfigOrderProbe__Secret", "environment");
        try
        {
            var app = ServerHost.Build(["--config", file, "--Eas:ConfigOrderProbe:Cli=command line"]);

            app.Configuration["Urls"].ShouldBe("http://127.0.0.1:18443", "the file wins over the binary's appsettings.json");
            app.Configuration["Eas:ConfigOrderProbe:FromFile"].ShouldBe("file");
            app.Configuration["Eas:ConfigOrderProbe:Secret"].ShouldBe("environment", "secrets.env overrides the file");
            app.Configuration["Eas:ConfigOrderProbe:Cli"].ShouldBe("command line");
        }
        finally
        {
            Environment.SetEnvironmentVariable("Eas__ConfigOrderProbe__Secret", null);
        }
    }

    private static Dictionary<string, List<string>> Directives(string path)
    {
        var directives = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not ('#' or '[')))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = line[..equals];
            if (!directives.TryGetValue(key, out var values)) directives[key] = values = [];
            values.Add(line[(equals + 1)..]);
        }

        return directives;
    }

    private static string RepoFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, relative);
            if (File.Exists(path)) return path;
        }

        throw new FileNotFoundException(relative + " above " + AppContext.BaseDirectory);
    }
}
