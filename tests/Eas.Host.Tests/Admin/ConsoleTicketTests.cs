using Eas.Host.Admin.WebConsole;

namespace Eas.Host.Tests.Admin;

public sealed class ConsoleTicketTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Admins = new() { ["root"] = "Admin-Pass7", ["ops"] = "sha256:" + new string('a', 64) };

    [Fact]
    public void A_ticket_names_its_admin_until_it_expires()
    {
        var ticket = ConsoleTicket.Issue("root", Admins["root"], Now);
        ConsoleTicket.Validate(ticket, Admins, Now.AddHours(7.9)).ShouldBe("root");
        ConsoleTicket.Validate(ticket, Admins, Now + ConsoleTicket.Lifetime).ShouldBeNull();
    }

    [Fact]
    public void A_ticket_with_a_changed_name_expiry_or_mac_is_refused()
    {
        var parts = ConsoleTicket.Issue("root", Admins["root"], Now).Split('.');
        var otherName = Convert.ToBase64String("ops"u8.ToArray()).TrimEnd('=');
        ConsoleTicket.Validate($"{otherName}.{parts[1]}.{parts[2]}", Admins, Now).ShouldBeNull();
        ConsoleTicket.Validate($"{parts[0]}.{long.Parse(parts[1]) + 3600}.{parts[2]}", Admins, Now).ShouldBeNull();
        ConsoleTicket.Validate($"{parts[0]}.{parts[1]}.{parts[2][..^2]}AA", Admins, Now).ShouldBeNull();
        ConsoleTicket.Validate("garbage", Admins, Now).ShouldBeNull();
        ConsoleTicket.Validate("a.b.c", Admins, Now).ShouldBeNull();
        ConsoleTicket.Validate(null, Admins, Now).ShouldBeNull();
    }

    [Fact]
    public void Changing_the_admins_password_or_removing_the_admin_ends_the_ticket()
    {
        var ticket = ConsoleTicket.Issue("root", Admins["root"], Now);
        ConsoleTicket.Validate(ticket, new Dictionary<string, string> { ["root"] = "New-Pass8" }, Now).ShouldBeNull();
        ConsoleTicket.Validate(ticket, new Dictionary<string, string> { ["ops"] = "x" }, Now).ShouldBeNull();
    }

    [Fact]
    public void The_anti_forgery_token_belongs_to_one_ticket()
    {
        var one = ConsoleTicket.Issue("root", Admins["root"], Now);
        var two = ConsoleTicket.Issue("root", Admins["root"], Now.AddSeconds(1));
        ConsoleTicket.CsrfFor(one, Admins["root"]).ShouldNotBe(ConsoleTicket.CsrfFor(two, Admins["root"]));
        ConsoleTicket.CsrfFor(one, Admins["root"]).ShouldBe(ConsoleTicket.CsrfFor(one, Admins["root"]));
    }
}
