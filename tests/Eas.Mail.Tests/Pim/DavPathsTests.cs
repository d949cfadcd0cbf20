using Eas.Mail.Pim.CardDav;
using Eas.Mail.Pim.Dav;

namespace Eas.Mail.Tests.Pim;

public sealed class DavPathsTests
{
    [Theory]
    [InlineData("abc.vcf", "abc")]
    [InlineData("abc", "abc/")]
    [InlineData("abc.vcf.vcf", "abc.vcf")]
    [InlineData(".vcf", ".vcf/")]
    [InlineData("a b@c.vcf", "a b@c")]
    public void Item_ids_and_resource_names_map_one_to_one(string resourceName, string itemId)
    {
        var paths = new DavPaths(new Uri("http://dav.test/ann/"), ".vcf");

        paths.ItemId(resourceName).ShouldBe(itemId);
        paths.ResourceName(itemId).ShouldBe(resourceName);
    }

    [Fact]
    public void The_home_template_escapes_the_user()
    {
        DavPaths.ExpandTemplate("http://127.0.0.1:5232/{user}/", "ann@example.com/x").AbsoluteUri
            .ShouldBe("http://127.0.0.1:5232/ann%40example.com%2Fx/");
    }

    [Fact]
    public void An_escaped_href_names_the_same_member_as_ours()
    {
        var paths = new DavPaths(new Uri("http://dav.test/ann%40example.com/"), ".vcf");

        paths.ItemIdOf("/ann@example.com/contacts/a%20b.vcf", "contacts", paths.Collection("contacts")).ShouldBe("a b");
        paths.Item("contacts", "a b").AbsolutePath.ShouldBe("/ann%40example.com/contacts/a%20b.vcf");
    }
}
