using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Eas.Host.Tests.Hosting;

/// <summary>
/// The server's runtime settings (docs/ARCHITECTURE.md "Runtime settings" and "What a parked Ping costs"): a published
/// server runs its ReadyToRun code without tiering while builds that are not published keep tiering, and the
/// runtimeconfig.json written from Eas.Host.csproj (so every way of running the server gets it) caps Server GC's gen0 budget,
/// which the built server, started as a process, reports back from its runtime (<c>GET /admin/api/runtime</c>).
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static readonly XDocument Project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Eas.Host", "Eas.Host.csproj"));

    [Fact]
    public void Published_server_runs_its_ReadyToRun_code_without_tiering()
    {
        var published = PropertyGroups().Single(g => ((string?)g.Attribute("Condition") ?? "").Contains("_IsPublishing", StringComparison.Ordinal));

        ((string?)published.Element("PublishReadyToRun")).ShouldBe("true");
        ((string?)published.Element("TieredCompilation")).ShouldBe("false");
    }

    [Fact]
    public void Builds_that_are_not_published_keep_tiering()
    {
        var unconditional = PropertyGroups().Where(g => g.Attribute("Condition") is null);

        unconditional.SelectMany(g => g.Elements("TieredCompilation")).ShouldBeEmpty();
    }

    private static IEnumerable<XElement> PropertyGroups() => Project.Root!.Elements("PropertyGroup");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Eas.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Eas.sln above {AppContext.BaseDirectory}.");
    }

    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "eas-server.runtimeconfig.json");
        File.Exists(path).ShouldBeTrue($"{path} is copied beside the tests with the server");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void Server_gc_runs_with_a_gen0_budget_of_a_few_mebibytes_per_heap_not_servers_200()
    {
        var properties = ConfigProperties();

        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeTrue();
        properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64().ShouldBe(16L << 20);
    }

    [Fact]
    public async Task The_built_server_reports_that_its_runtime_took_the_gen0_budget_and_keeps_tiering()
    {
        var report = await RuntimeOfBuiltServerAsync();

        report.GetProperty("serverGc").GetBoolean().ShouldBeTrue();
        report.GetProperty("gen0MaxBudgetBytes").GetInt64().ShouldBe(16L << 20, "the collector's own budget is up to 200 MiB");
        report.GetProperty("tieredCompilation").GetBoolean().ShouldBeTrue("only the published server runs without tiering");
        report.GetProperty("tieredPgo").GetBoolean().ShouldBeFalse();
    }

    /// <summary>
    /// Starts the server built beside the tests (<c>dotnet eas-server.dll</c>, its own runtimeconfig.json) on a free loopback
    /// port with an empty data directory, and reads <c>/admin/api/runtime</c> once it answers.
    /// </summary>
    private static async Task<JsonElement> RuntimeOfBuiltServerAsync()
    {
        const string password = "runtime-check";
        var data = Directory.CreateTempSubdirectory("eas-runtime-");
        var baseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var info = new ProcessStartInfo(host, [
            Path.Combine(AppContext.BaseDirectory, "eas-server.dll"), "--urls", baseUrl.ToString().TrimEnd('/'),
            $"--Eas:DataDir={data.FullName}", $"--Eas:Admin:Users:root={password}", "--Eas:Imap:Host=127.0.0.1", "--Eas:Imap:Port=1",
        ])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data.FullName,
        };
        var output = new StringBuilder();
        using var server = Process.Start(info).ShouldNotBeNull();
        server.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        server.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"root:{password}")));
            // A generous deadline: the machine the tests run on may be busy, and the server starts its actor system first.
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                server.HasExited.ShouldBeFalse($"The server stopped:\n{Output()}");
                try
                {
                    using var response = await http.GetAsync("/admin/api/runtime");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                        return json.RootElement.Clone();
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening but busy starting.
                }

                (DateTime.UtcNow < deadline).ShouldBeTrue($"The server did not answer /admin/api/runtime within 3 minutes:\n{Output()}");
                await Task.Delay(250);
            }
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            data.Delete(recursive: true);
        }

        string Output()
        {
            lock (output) return output.ToString();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
