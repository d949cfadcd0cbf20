using Eas.Actors.Tests.Support;
using Eas.Integration.Tests.Support;

namespace Eas.Cluster.Tests.Support;

/// <summary>
/// Every cluster test shares one Dovecot (with its Postfix) and one PostgreSQL, and runs alone: parallelism is off
/// for the whole assembly (<c>AssemblyInfo.cs</c>), since three server processes already fill two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<DovecotFixture>, ICollectionFixture<PostgresServer>
{
    public const string Name = "cluster";
}
