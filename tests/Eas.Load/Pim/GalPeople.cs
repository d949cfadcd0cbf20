using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Eas.Load.Pim;

/// <summary>
/// The directory of <c>gal-bench</c>, the same on every run: N people with first and last names, an address, an
/// alias, a company, phones and every one a small photo; written as the <c>Eas:Gal:EntriesFile</c> JSON of the
/// accounts provider, or as inetOrgPerson entries (RFC 2798) for a private slapd.
/// </summary>
internal sealed class GalPeople(int count)
{
    public const string PeopleRdn = "ou=people";

    private static readonly string[] Given = ["Anna", "Ben", "Carla", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Katja", "Luca", "Mara", "Nils", "Olga", "Paul"];
    private static readonly string[] Family = ["Schmidt", "Meyer", "Okafor", "Rossi", "Nakamura", "Dubois", "Kowalski", "Jensen", "Silva", "Novak", "Weber", "Larsen", "Moreau", "Fischer", "Ivanova", "Tanaka"];
    private static readonly string Photo = Convert.ToBase64String(PhotoBytes());

    public int Count => count;

    public (string Given, string Family, string Address) Person(int index)
    {
        var given = Given[index % Given.Length];
        var family = Family[index / Given.Length % Family.Length];
        return (given, family, string.Create(CultureInfo.InvariantCulture, $"{given.ToLowerInvariant()}.{family.ToLowerInvariant()}{index}@example.com"));
    }

    /// <summary>A prefix query of 1 to 3 letters of someone's first or last name, drawn from <paramref name="random"/>.</summary>
    public string PrefixQuery(Random random)
    {
        var (given, family, _) = Person(random.Next(count));
        var name = random.Next(2) == 0 ? given : family;
        return name[..random.Next(1, 4)];
    }

    public async Task WriteEntriesFileAsync(string path, CancellationToken token)
    {
        var entries = Enumerable.Range(0, count).Select(i =>
        {
            var (given, family, address) = Person(i);
            return new Dictionary<string, string>
            {
                ["displayName"] = $"{given} {family} {i}",
                ["emailAddress"] = address,
                ["alias"] = string.Create(CultureInfo.InvariantCulture, $"{given[0]}{family}{i}").ToLowerInvariant(),
                ["firstName"] = given,
                ["lastName"] = family,
                ["company"] = "Example GmbH",
                ["title"] = "Engineer",
                ["phone"] = string.Create(CultureInfo.InvariantCulture, $"+49 30 {i:D6}"),
                ["picture"] = Photo,
            };
        });
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(entries), token);
    }

    public string Ldif(string suffix)
    {
        var people = $"{PeopleRdn},{suffix}";
        var ldif = new StringBuilder($"dn: {people}\nobjectClass: organizationalUnit\nou: people\n\n");
        for (var i = 0; i < count; i++)
        {
            var (given, family, address) = Person(i);
            ldif.Append(CultureInfo.InvariantCulture, $"dn: uid=u{i:D5},{people}\nobjectClass: inetOrgPerson\ncn: {given} {family} {i}\ngivenName: {given}\nsn: {family}\n")
                .Append(CultureInfo.InvariantCulture, $"uid: u{i:D5}\nmail: {address}\no: Example GmbH\ntitle: Engineer\ntelephoneNumber: +49 30 {i:D6}\njpegPhoto:: {Photo}\n\n");
        }

        return ldif.ToString();
    }

    private static byte[] PhotoBytes()
    {
        var bytes = new byte[2048];
        new Random(16).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        return bytes;
    }
}
