using System.Text;
using Migrate.Core.Manifests;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Load;

/// <summary>Row count and order-independent checksum of a mapped file, the values a target must hold after loading it.</summary>
public static class MappedChecksum
{
    public static TableLoad Compute(LoadInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var types = input.Table.Items.Select(i => i.Type).ToArray();
        var checksum = new RowChecksum();
        using var reader = MappedRecordReader.OpenFile(input);
        while (reader.Read())
        {
            AddRow(checksum, reader, types);
            if ((checksum.Rows & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        return new TableLoad(input.Table.Id, checksum.Rows, checksum.Value);
    }

    /// <summary>Adds the current record of <paramref name="reader"/> in canonical form (see <see cref="CanonicalValue.FromMapped"/>).</summary>
    public static void AddRow(RowChecksum checksum, MappedRecordReader reader, IReadOnlyList<ItemType> types)
    {
        ArgumentNullException.ThrowIfNull(checksum);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(types);
        for (var i = 0; i < types.Count; i++)
        {
            if (reader.IsNull(i)) checksum.AddNull();
            // Only decimals have a canonical form other than their text.
            else if (types[i] == ItemType.Decimal) checksum.AddField(CanonicalValue.FromMapped(ItemType.Decimal, Encoding.UTF8.GetString(reader.Field(i)))!);
            else checksum.AddField(reader.Field(i));
        }
        checksum.EndRow();
    }
}
