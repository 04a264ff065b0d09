using Migrate.Core.Work;

namespace Migrate.Core.Load;

/// <summary>Row count and order-independent checksum of a mapped file, the values a target must hold after loading it.</summary>
public static class MappedChecksum
{
    public static TableLoad Compute(LoadInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var types = input.Table.Items.Select(i => i.Type).ToArray();
        var canonical = new string?[types.Length];
        var checksum = new RowChecksum();
        using var reader = new MappedFileReader(input.MappedFile, input.Table);
        while (reader.Read())
        {
            for (var i = 0; i < canonical.Length; i++) canonical[i] = CanonicalValue.FromMapped(types[i], reader.Row[i]);
            checksum.Add(canonical);
            if ((checksum.Rows & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        return new TableLoad(input.Table.Id, checksum.Rows, checksum.Value);
    }
}
