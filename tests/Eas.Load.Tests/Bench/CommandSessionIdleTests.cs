using Eas.Load.Bench;

namespace Eas.Load.Tests.Bench;

public class CommandSessionIdleTests
{
    [Fact]
    public void Reads_the_setting_from_an_appsettings_document_whatever_the_case_of_its_sections()
    {
        CommandSessionIdle.FromAppSettings("""{ "Eas": { "Imap": { "Host": "x", "CommandSessionIdleSeconds": 45 } } }""").ShouldBe(45);
        CommandSessionIdle.FromAppSettings("""{ "eas": { "imap": { "commandsessionidleseconds": "30" } } }""").ShouldBe(30);
        CommandSessionIdle.FromAppSettings("""{ /* comment */ "Eas": { "Imap": { "CommandSessionIdleSeconds": 20, }, }, }""").ShouldBe(20);
    }

    [Fact]
    public void Missing_or_unreadable_settings_give_nothing()
    {
        CommandSessionIdle.FromAppSettings("""{ "Eas": { "Imap": { "Host": "127.0.0.1" } } }""").ShouldBeNull();
        CommandSessionIdle.FromAppSettings("""{ "Eas": { "Imap": 5 } }""").ShouldBeNull();
        CommandSessionIdle.FromAppSettings("""{ "Eas": { "Imap": { "CommandSessionIdleSeconds": "soon" } } }""").ShouldBeNull();
        CommandSessionIdle.FromAppSettings("not json").ShouldBeNull();
    }

    [Fact]
    public void The_value_given_wins_then_the_servers_files_then_its_built_in_default()
    {
        var directory = Directory.CreateTempSubdirectory("eas-load-idle-");
        try
        {
            var dll = Path.Combine(directory.FullName, "eas-server.dll");
            CommandSessionIdle.Of(dll, given: null).ShouldBe((CommandSessionIdle.DefaultSeconds, "the server's built-in default"));

            var appSettings = Path.Combine(directory.FullName, "appsettings.json");
            File.WriteAllText(appSettings, """{ "Eas": { "Imap": { "CommandSessionIdleSeconds": 90 } } }""");
            CommandSessionIdle.Of(dll, given: null).ShouldBe((90, appSettings));

            var production = Path.Combine(directory.FullName, "appsettings.Production.json");
            File.WriteAllText(production, """{ "Eas": { "Imap": { "CommandSessionIdleSeconds": 60 } } }""");
            CommandSessionIdle.Of(dll, given: null).ShouldBe((60, production));

            CommandSessionIdle.Of(dll, given: 20).ShouldBe((20, "--command-session-idle-seconds"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
