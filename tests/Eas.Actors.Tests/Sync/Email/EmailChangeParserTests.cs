using Eas.Actors.Sync.Email;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Sync.Email;

/// <summary>A client's Sync Change to an email: what it may change, and what fails with status 6.</summary>
public sealed class EmailChangeParserTests
{
    private static EmailChange Parse(string inner, ProtocolVersion? version = null) =>
        EmailChangeParser.Parse(Data(inner), version ?? ProtocolVersion.V141);

    private static WbxmlElement Data(string inner) => WbxmlXml.Parse(
        $"<ApplicationData xmlns=\"AirSync:\" xmlns:email=\"Email:\" xmlns:email2=\"Email2:\" xmlns:tasks=\"Tasks:\" xmlns:airsyncbase=\"AirSyncBase:\">{inner}</ApplicationData>");

    private static EmailChangeException Fails(string inner, ProtocolVersion? version = null) =>
        Should.Throw<EmailChangeException>(() => Parse(inner, version));

    [Fact]
    public void Read_alone_changes_only_the_read_state()
    {
        var change = Parse("<email:Read>1</email:Read>");

        change.ShouldBe(new EmailChange { Read = true });
        Parse("<email:Read>0</email:Read>").Read.ShouldBe(false);
    }

    [Fact]
    public void An_absent_property_is_unchanged_and_an_empty_request_changes_nothing()
    {
        var change = Parse(string.Empty);

        change.IsEmpty.ShouldBeTrue();
        change.Read.ShouldBeNull();
        change.Flag.ShouldBeNull();
        change.Categories.ShouldBeNull();
    }

    [Fact]
    public void A_flag_with_dates_is_read_whole()
    {
        var change = Parse("""
            <email:Flag>
              <email:Status>2</email:Status>
              <email:FlagType>for Follow Up</email:FlagType>
              <tasks:StartDate>2025-03-14T00:00:00.000Z</tasks:StartDate>
              <tasks:DueDate>2025-03-21T00:00:00.000Z</tasks:DueDate>
              <tasks:UtcStartDate>2025-03-13T23:00:00.000Z</tasks:UtcStartDate>
              <tasks:UtcDueDate>20250320T230000Z</tasks:UtcDueDate>
              <tasks:ReminderSet>1</tasks:ReminderSet>
              <tasks:ReminderTime>2025-03-20T08:00:00.000Z</tasks:ReminderTime>
            </email:Flag>
            """);

        var flag = change.Flag!;
        flag.Status.ShouldBe(EmailFlagStatus.Active);
        flag.FlagType.ShouldBe("for Follow Up");
        flag.StartDate.ShouldBe(new DateTime(2025, 3, 14, 0, 0, 0, DateTimeKind.Utc));
        flag.UtcDueDate.ShouldBe(new DateTime(2025, 3, 20, 23, 0, 0, DateTimeKind.Utc));
        flag.UtcDueDate!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        flag.ReminderSet.ShouldBe(true);
        flag.ReminderTime.ShouldBe(new DateTime(2025, 3, 20, 8, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_completed_flag_keeps_its_completion_times()
    {
        var flag = Parse("""
            <email:Flag>
              <email:Status>1</email:Status>
              <email:CompleteTime>2025-03-15T10:00:00.000Z</email:CompleteTime>
              <tasks:DateCompleted>2025-03-15T10:00:00.000Z</tasks:DateCompleted>
            </email:Flag>
            """).Flag!;

        flag.Status.ShouldBe(EmailFlagStatus.Complete);
        flag.CompleteTime.ShouldBe(new DateTime(2025, 3, 15, 10, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("<email:Flag/>")]
    [InlineData("<email:Flag><email:Status>0</email:Status><email:FlagType>x</email:FlagType></email:Flag>")]
    public void An_empty_flag_or_status_0_clears_the_flag(string inner)
    {
        Parse(inner).Flag.ShouldBe(EmailFlag.Cleared);
    }

    [Fact]
    public void Categories_replace_the_set_and_an_empty_element_removes_all()
    {
        Parse("<email:Categories><email:Category>Work</email:Category><email:Category>Home</email:Category><email:Category>work</email:Category></email:Categories>")
            .Categories!.Value.ShouldBe(["Work", "Home"]);
        Parse("<email:Categories/>").Categories!.Value.ShouldBeEmpty();
    }

    [Fact]
    public void Read_only_properties_a_client_echoes_are_ignored()
    {
        var change = Parse("<email:Subject>Changed?</email:Subject><email:Importance>2</email:Importance><email:Read>1</email:Read>");

        change.ShouldBe(new EmailChange { Read = true });
    }

    [Theory]
    [InlineData("<email:Read>yes</email:Read>", "Read")]
    [InlineData("<email:Read>1</email:Read><email:Read>0</email:Read>", "Read")]
    [InlineData("<email:Flag><email:Status>3</email:Status></email:Flag>", "Status")]
    [InlineData("<email:Flag><email:FlagType>x</email:FlagType></email:Flag>", "Flag")]
    [InlineData("<email:Flag><email:Status>2</email:Status><email:Status>2</email:Status></email:Flag>", "Status")]
    [InlineData("<email:Flag><email:Status>2</email:Status><email:Subject>x</email:Subject></email:Flag>", "Subject")]
    [InlineData("<email:Flag><email:Status>2</email:Status><tasks:StartDate>tomorrow</tasks:StartDate></email:Flag>", "StartDate")]
    [InlineData("<email:Flag><email:Status>2</email:Status><tasks:StartDate>2025-03-14T00:00:00.000Z</tasks:StartDate></email:Flag>", "StartDate")]
    [InlineData("<email:Categories><email:Category></email:Category></email:Categories>", "Category")]
    [InlineData("<email:Categories><email:Subject>x</email:Subject></email:Categories>", "Subject")]
    [InlineData("<email2:ConversationId base64=\"opaque\">AAEC</email2:ConversationId>", "ConversationId")]
    [InlineData("<email:Flag/><email:Flag/>", "Flag")]
    public void Malformed_changes_fail_with_a_conversion_error(string inner, string element)
    {
        var error = Fails(inner);

        error.Element.ShouldBe(element);
        error.Status.ShouldBe(SyncStatus.ConversionError);
    }

    [Fact]
    public void A_start_after_the_due_date_fails()
    {
        var error = Fails("""
            <email:Flag>
              <email:Status>2</email:Status>
              <tasks:StartDate>2025-03-22T00:00:00.000Z</tasks:StartDate>
              <tasks:DueDate>2025-03-21T00:00:00.000Z</tasks:DueDate>
              <tasks:UtcStartDate>2025-03-21T23:00:00.000Z</tasks:UtcStartDate>
              <tasks:UtcDueDate>2025-03-20T23:00:00.000Z</tasks:UtcDueDate>
            </email:Flag>
            """);

        error.Element.ShouldBe("StartDate");
    }

    [Fact]
    public void Elements_the_version_lacks_fail()
    {
        Fails("<email:Flag/>", ProtocolVersion.V25).Message.ShouldContain("2.5");
        Fails("<email:Categories/>", ProtocolVersion.V121).Element.ShouldBe("Categories");
        Parse("<email:Flag/>", ProtocolVersion.V120).Flag.ShouldBe(EmailFlag.Cleared);
    }

    [Fact]
    public void What_the_encoder_writes_parses_back_to_the_same_state()
    {
        var item = EmailTestData.FullItem();
        var data = EmailApplicationData.BuildFlagsChange(item, ProtocolVersion.V161);

        var change = EmailChangeParser.Parse(data, ProtocolVersion.V161);

        change.Read.ShouldBe(true);
        change.Flag.ShouldBe(EmailFlag.FollowUp);
        change.Categories!.Value.ShouldBe(item.Categories);
    }
}
