using System.Text;
using Eas.Actors.Sync.Meetings;

namespace Eas.Actors.Tests.Sync.Meetings;

public sealed class GlobalObjectIdTests
{
    private static readonly byte[] ClassId = [0x04, 0x00, 0x00, 0x00, 0x82, 0x00, 0xE0, 0x00, 0x74, 0xC5, 0xB7, 0x10, 0x1A, 0x82, 0xE0, 0x08];

    [Fact]
    public void MS_ASEMAIL_2_2_2_37_an_iCalendar_UID_goes_in_the_vCal_form()
    {
        var blob = GlobalObjectId.Of("abc@example.org", null);

        blob[..16].ShouldBe(ClassId);
        blob[16..20].ShouldBe(new byte[4]);
        blob[20..36].ShouldBe(new byte[16]);
        BitConverter.ToInt32(blob, 36).ShouldBe(8 + 4 + 15 + 1);
        Encoding.ASCII.GetString(blob, 40, 8).ShouldBe("vCal-Uid");
        blob[48..52].ShouldBe(new byte[] { 1, 0, 0, 0 });
        Encoding.UTF8.GetString(blob, 52, 15).ShouldBe("abc@example.org");
        blob[^1].ShouldBe((byte)0);
        GlobalObjectId.UidOf(blob).ShouldBe("abc@example.org");
    }

    [Fact]
    public void MS_ASEMAIL_2_2_2_37_an_occurrence_carries_its_date_as_year_high_year_low_month_day()
    {
        var blob = GlobalObjectId.Of("abc@example.org", new DateTime(2004, 7, 9, 10, 0, 0, DateTimeKind.Utc));

        blob[16..20].ShouldBe(new byte[] { 0x07, 0xD4, 7, 9 });
    }

    [Fact]
    public void MS_ASEMAIL_2_2_2_37_an_Outlook_UID_is_the_blob_itself()
    {
        var outlook = "040000008200E00074C5B7101A82E00800000000" + "00B5C5E7A1C8DA01" + "0000000000000000" + "10000000" + "0123456789ABCDEF0123456789ABCDEF";

        var blob = GlobalObjectId.Of(outlook, null);

        Convert.ToHexString(blob).ShouldBe(outlook);
        GlobalObjectId.UidOf(blob).ShouldBe(outlook);
    }
}
