using System.Text;

namespace Eas.Mail.LocalSlapd;

/// <summary>
/// The slapd.conf of a private instance: the core, cosine and inetorgperson schemas, one mdb database for the suffix
/// with equality and substring indexes on the attributes a GAL searches, a root DN, no size limit (a GAL reads with
/// paged results and sets its own), and nothing else: no TLS, no replication, no cn=config.
/// </summary>
internal sealed record SlapdConfiguration(SlapdOptions Options, string DataDirectory)
{
    public string ConfigPath => Path.Combine(DataDirectory, "slapd.conf");

    public string DatabaseDirectory => Path.Combine(DataDirectory, "db");

    public string RootDn => $"{Options.RootName},{Options.Suffix}";

    public string Render()
    {
        var conf = new StringBuilder();
        foreach (var schema in new[] { "core", "cosine", "inetorgperson" })
            conf.Append("include ").AppendLine(Quote(Path.Combine(Options.SchemaDirectory, schema + ".schema")));
        conf.Append("modulepath ").AppendLine(Quote(Options.ModuleDirectory));
        conf.AppendLine("moduleload back_mdb");
        conf.Append("pidfile ").AppendLine(Quote(Path.Combine(DataDirectory, "slapd.pid")));
        conf.Append("argsfile ").AppendLine(Quote(Path.Combine(DataDirectory, "slapd.args")));
        conf.AppendLine("sizelimit unlimited");
        conf.AppendLine("database mdb");
        conf.AppendLine("maxsize 268435456");
        conf.Append("suffix ").AppendLine(Quote(Options.Suffix));
        conf.Append("rootdn ").AppendLine(Quote(RootDn));
        conf.Append("rootpw ").AppendLine(Quote(Options.RootPassword));
        conf.Append("directory ").AppendLine(Quote(DatabaseDirectory));
        conf.AppendLine("index objectClass eq");
        conf.AppendLine("index cn,sn,givenName,mail,uid eq,sub");
        return conf.ToString();
    }

    /// <summary>The suffix's top entry as LDIF: a domain component or an organization.</summary>
    public string TopEntry()
    {
        var first = Options.Suffix.Split(',')[0].Trim();
        var (type, value) = (first[..first.IndexOf('=')].Trim().ToLowerInvariant(), first[(first.IndexOf('=') + 1)..].Trim());
        return type switch
        {
            "dc" => $"dn: {Options.Suffix}\nobjectClass: dcObject\nobjectClass: organization\ndc: {value}\no: {value}\n",
            "o" => $"dn: {Options.Suffix}\nobjectClass: organization\no: {value}\n",
            _ => throw new ArgumentException($"The slapd suffix must start with dc= or o=, not '{first}'."),
        };
    }

    private static string Quote(string value)
    {
        if (value.Contains('"') || value.Contains('\n')) throw new ArgumentException($"'{value}' cannot go into slapd.conf.");
        return $"\"{value}\"";
    }
}
