using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hemisphere.Platform.Data;

// Used by `dotnet ef migrations add` only; the running app configures its context in DataSetup.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHemisphereDb>
{
    public SqliteHemisphereDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHemisphereDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHemisphereDb>
{
    public PostgresHemisphereDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHemisphereDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
