using System.Collections;
using System.Data.Common;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;

namespace Migrate.Data.Engines.SqlServer;

/// <summary>
/// Streams a mapped file to SqlBulkCopy one row at a time (never a DataTable: memory stays flat),
/// each value converted to the CLR type of its SQL Server column and checked against it first, so
/// a bad value fails with the mapped file's line and the item instead of SqlBulkCopy's anonymous error.
/// </summary>
#pragma warning disable CA1010 // DbDataReader's enumerator is the non-generic one ADO.NET defines.
public sealed class MappedRowsDataReader : DbDataReader
#pragma warning restore CA1010
{
    private readonly StandardTable _table;
    private readonly MappedFileReader _reader;
    private readonly LoadValueConverter _converter;
    private readonly Action<long>? _rowRead;
    private readonly object[] _values;
    private bool _closed;

    public MappedRowsDataReader(LoadInput input, SqlDialect dialect, Action<long>? rowRead = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        _table = input.Table;
        _reader = new MappedFileReader(input);
        _converter = new LoadValueConverter(input.Table, dialect, input.MappedFile);
        _rowRead = rowRead;
        _values = new object[_table.Items.Count];
    }

    /// <summary>Rows handed to the bulk copy so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>The validation failure that stopped the copy, to be reported instead of the driver's wrapping of it.</summary>
    public MigrateException? Failure { get; private set; }

    /// <summary>The CLR type SqlBulkCopy receives for an item: the type of its SQL Server column.</summary>
    public static Type ClrType(StandardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Type switch
        {
            ItemType.Integer => SqlDialect.IsBigInteger(item) ? typeof(long) : typeof(int),
            ItemType.Flag => typeof(bool),
            ItemType.Date => typeof(DateTime),
            ItemType.Decimal => typeof(decimal),
            _ => typeof(string),
        };
    }

    public override bool Read()
    {
        if (_closed || !_reader.Read()) return false;
        try
        {
            _converter.Convert(_reader.Row, _reader.Line);
        }
        catch (MigrateException e)
        {
            Failure = e;
            throw;
        }
        var converted = _converter.Values;
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = converted[i] switch
            {
                null => DBNull.Value,
                short flag => flag == 1,
                DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                var value => value,
            };
        }
        RowsRead++;
        _rowRead?.Invoke(RowsRead);
        return true;
    }

    public override int FieldCount => _values.Length;
    public override string GetName(int ordinal) => _table.Items[ordinal].Id;

    public override int GetOrdinal(string name)
    {
        var index = _table.IndexOf(name);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(name), $"no column '{name}' in table {_table.Id}");
    }

    public override Type GetFieldType(int ordinal) => ClrType(_table.Items[ordinal]);
    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;
    public override object GetValue(int ordinal) => _values[ordinal];
    public override bool IsDBNull(int ordinal) => _values[ordinal] is DBNull;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, _values.Length);
        Array.Copy(_values, values, count);
        return count;
    }

    public override bool GetBoolean(int ordinal) => (bool)_values[ordinal];
    public override short GetInt16(int ordinal) => Convert.ToInt16(_values[ordinal], System.Globalization.CultureInfo.InvariantCulture);
    public override int GetInt32(int ordinal) => (int)_values[ordinal];
    public override long GetInt64(int ordinal) => Convert.ToInt64(_values[ordinal], System.Globalization.CultureInfo.InvariantCulture);
    public override decimal GetDecimal(int ordinal) => (decimal)_values[ordinal];
    public override DateTime GetDateTime(int ordinal) => (DateTime)_values[ordinal];
    public override string GetString(int ordinal) => (string)_values[ordinal];

    // Types no standard item maps to.
    public override byte GetByte(int ordinal) => throw new NotSupportedException();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
    public override float GetFloat(int ordinal) => throw new NotSupportedException();
    public override double GetDouble(int ordinal) => throw new NotSupportedException();

    public override int Depth => 0;
    public override bool HasRows => true;
    public override bool IsClosed => _closed;
    public override int RecordsAffected => -1;
    public override bool NextResult() => false;
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override void Close()
    {
        if (_closed) return;
        _closed = true;
        _reader.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }
}
