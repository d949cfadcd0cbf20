using System.Runtime.Versioning;
using Eas.Mail.LocalPostfix;

namespace Eas.Mail.Tests.LocalPostfix;

[SupportedOSPlatform("linux")]
public sealed class PostfixInstanceStartTests
{
    [Fact]
    public async Task A_missing_postfix_says_how_to_install_it()
    {
        var options = Options("/tmp/eas-never-used") with { ExecutablePath = "/nonexistent/postfix" };

        var error = await Should.ThrowAsync<FileNotFoundException>(() => PostfixInstance.StartAsync(options));

        error.Message.ShouldContain("apt-get install postfix");
        error.Message.ShouldContain("debconf-set-selections");
    }

    [Theory]
    [InlineData("/tmp/has space")]
    [InlineData("/tmp/dollar$x")]
    [InlineData("/tmp/comma,x")]
    [InlineData("/tmp/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Unusable_data_directories_are_refused(string directory)
    {
        await Should.ThrowAsync<ArgumentException>(() => PostfixInstance.StartAsync(Options(directory)));
    }

    /// <summary>A file where Postfix must create a queue directory: <c>postfix check</c> fails, and says why only in its log and on stderr.</summary>
    [Fact]
    public async Task A_failing_postfix_check_reports_postfix_own_words()
    {
        var directory = Directory.CreateTempSubdirectory("eas-postfix-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "queue"));
            await File.WriteAllTextAsync(Path.Combine(directory, "queue", "active"), "not a directory");

            var error = await Should.ThrowAsync<InvalidOperationException>(() => PostfixInstance.StartAsync(Options(directory)));

            error.Message.ShouldContain("postfix check failed");
            error.Message.ShouldContain("cannot create directory");
            error.Message.ShouldContain("fatal: unable to create missing queue directories");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_parent_directory_the_mail_owner_cannot_pass_is_refused()
    {
        var hidden = Directory.CreateTempSubdirectory("eas-hidden-").FullName;
        try
        {
            var error = await Should.ThrowAsync<InvalidOperationException>(
                () => PostfixInstance.StartAsync(Options(Path.Combine(hidden, "postfix"))));

            error.Message.ShouldContain(hidden);
        }
        finally
        {
            Directory.Delete(hidden, recursive: true);
        }
    }

    private static PostfixOptions Options(string directory) =>
        new() { DataDirectory = directory, DovecotLmtpPort = 24, DovecotAuthPort = 12345 };
}
