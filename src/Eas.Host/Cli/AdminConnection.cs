using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console.Rendering;

namespace Eas.Host.Cli;

/// <summary>
/// The options the <c>admin</c> and <c>top</c> subcommands share to reach the admin API, given anywhere on
/// the command line: <c>--url</c>, <c>--user</c>, <c>--password</c> (or <see cref="PasswordVariable"/>, which
/// keeps it out of shell history and the process list), and for <c>admin</c> <c>--json</c>. Runs a verb and
/// turns its failure into the exit code and a reason on standard error.
/// </summary>
/// <param name="handler">Where the API's requests go instead of the network (tests); the network when null.</param>
internal sealed class AdminConnection(HttpMessageHandler? handler = null)
{
    public const string PasswordVariable = "EAS_ADMIN_PASSWORD";
    public const string DefaultUrl = "http://127.0.0.1:8080";

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Option<string> Url { get; } = new("--url") { Description = "The server's address.", DefaultValueFactory = _ => DefaultUrl, Recursive = true };

    public Option<string> User { get; } = new("--user") { Description = "The admin to sign in as (Eas:Admin:Users).", DefaultValueFactory = _ => "root", Recursive = true };

    public Option<string?> Password { get; } = new("--password") { Description = $"The admin's password; default: ${PasswordVariable}.", Recursive = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the server's JSON instead of tables, for scripts.", Recursive = true };

    public void AddTo(Command command, bool withJson)
    {
        command.Options.Add(Url);
        command.Options.Add(User);
        command.Options.Add(Password);
        if (withJson) command.Options.Add(Json);
    }

    public AdminApi Open(ParseResult result, TimeSpan timeout)
    {
        var url = result.GetValue(Url)!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            throw new AdminApiException(2, $"--url {url} is not an http:// or https:// address.");
        var password = result.GetValue(Password) ?? Environment.GetEnvironmentVariable(PasswordVariable) ?? string.Empty;
        return new AdminApi(server, result.GetValue(User)!, password, timeout, handler);
    }

    /// <summary>A verb: calls the API and prints the answer as a table, or as JSON with <c>--json</c>.</summary>
    public Command Verb(string name, string description, Func<ParseResult, AdminApi, CancellationToken, Task<AdminAnswer>> call, params Symbol[] symbols)
    {
        var verb = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument) verb.Arguments.Add(argument);
            else verb.Options.Add((Option)symbol);
        }

        verb.SetAction((result, token) => RunAsync(result, async (api, output) =>
        {
            var answer = await call(result, api, token);
            if (result.GetValue(Json)) await output.WriteLineAsync(Indented(answer.Json));
            else CliConsole.For(output).Write(answer.Render());
        }));
        return verb;
    }

    /// <summary>Runs <paramref name="work"/> against the API; 0 when it succeeds, else the failure's exit code with its reason on standard error.</summary>
    public async Task<int> RunAsync(ParseResult result, Func<AdminApi, TextWriter, Task> work, TimeSpan? timeout = null)
    {
        try
        {
            using var api = Open(result, timeout ?? TimeSpan.FromSeconds(30));
            await work(api, result.InvocationConfiguration.Output);
            return 0;
        }
        catch (AdminApiException e)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync(e.Message);
            return e.ExitCode;
        }
    }

    private static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, IndentedJson);
    }
}

/// <summary>What a verb got from the API: the JSON as sent, and how to show it as a table.</summary>
internal sealed record AdminAnswer(string Json, Func<IRenderable> Render)
{
    /// <summary>An answer rendered from the JSON read as <typeparamref name="T"/>.</summary>
    public static AdminAnswer Of<T>(string json, Func<T, IRenderable> render) =>
        new(json, () => render(JsonSerializer.Deserialize<T>(json, AdminApi.Json)!));
}
