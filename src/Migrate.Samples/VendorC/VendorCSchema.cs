namespace Migrate.Samples;

/// <summary>Column types of the vendor-c schema, portable across SQLite, PostgreSQL and SQL Server.</summary>
public enum VendorCColumnType
{
    Integer,
    Text,
    Date,
}

/// <summary>One column of a vendor-c table.</summary>
public sealed record VendorCColumn(string Name, VendorCColumnType Type, bool Nullable = false);

/// <summary>One vendor-c table; the first column is its primary key.</summary>
public sealed record VendorCTable(string Name, IReadOnlyList<VendorCColumn> Columns);

/// <summary>
/// The normalized legacy schema of vendor C (fictional), in one place so that the SQLite sample and
/// copies of it on PostgreSQL or SQL Server (parity tests, demonstrations) have the same tables and
/// columns. Names are lower case so that PostgreSQL's folding of unquoted names changes nothing;
/// dates are DATE columns (stored as ISO text by SQLite), codes are text, keys are integers.
/// Foreign keys are not declared: the legacy system never enforced them, which is how orphans happen.
/// </summary>
public static class VendorCSchema
{
    public const string DatabaseFile = "vendor-c.db";

    private static VendorCColumn I(string name, bool nullable = false) => new(name, VendorCColumnType.Integer, nullable);

    private static VendorCColumn T(string name, bool nullable = false) => new(name, VendorCColumnType.Text, nullable);

    private static VendorCColumn D(string name, bool nullable = false) => new(name, VendorCColumnType.Date, nullable);

    /// <summary>続柄: the vendor's own codes, with a retired one still referenced by old records.</summary>
    public static VendorCTable Zokugara { get; } = new("m_zokugara", [I("zokugara_id"), T("zokugara_cd"), T("zokugara_mei"), I("haishi_flg")]);

    /// <summary>異動事由: the vendor's own codes.</summary>
    public static VendorCTable IdoJiyu { get; } = new("m_ido_jiyu", [I("jiyu_id"), T("jiyu_cd"), T("jiyu_mei")]);

    public static VendorCTable Households { get; } = new("households",
        [I("household_id"), T("setai_no"), T("head_atena_no"), T("lg_code"), T("address"), T("katagaki", true), T("postal_code"), D("updated_on")]);

    public static VendorCTable Persons { get; } = new("persons",
        [I("person_id"), T("atena_no"), I("household_id"), T("name"), T("name_kana"), T("birth_wareki"), I("sex"), I("zokugara_id"), I("foreign_flg"),
         T("honseki", true), T("hittosha", true), T("my_number", true), T("juki_code"), T("memo", true)]);

    public static VendorCTable History { get; } = new("history",
        [I("history_id"), I("person_id"), I("seq"), T("status"), I("ido_jiyu_id"), D("ido_date"), D("todokede_date", true), D("jumin_date"), D("jutei_date")]);

    /// <summary>The vendor's customization: DV and stalking support (支援措置) kept in a table of its own.</summary>
    public static VendorCTable DvSupport { get; } = new("dv_support",
        [I("support_id"), I("person_id"), I("kubun"), D("start_date"), D("end_date", true), T("tanto")]);

    /// <summary>A customization with no standard equivalent: where the municipal newsletter (広報誌) goes.</summary>
    public static VendorCTable KohoHaifu { get; } = new("koho_haifu", [I("haifu_id"), I("household_id"), I("busu"), T("haifu_kbn")]);

    public static IReadOnlyList<VendorCTable> Tables { get; } = [Zokugara, IdoJiyu, Households, Persons, History, DvSupport, KohoHaifu];

    /// <summary>CREATE TABLE for <paramref name="dialect"/>: sqlite, postgres or sqlserver.</summary>
    public static string CreateTable(VendorCTable table, string dialect)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns.Select((c, i) =>
        {
            var type = (c.Type, dialect) switch
            {
                (VendorCColumnType.Integer, "sqlite") => "INTEGER",
                (VendorCColumnType.Integer, _) => "bigint",
                (VendorCColumnType.Date, "sqlite") => "DATE",
                (VendorCColumnType.Date, _) => "date",
                (VendorCColumnType.Text, "sqlite") => "TEXT",
                (VendorCColumnType.Text, "sqlserver") => "nvarchar(400)",
                _ => "text",
            };
            return $"{c.Name} {type}{(i == 0 ? " PRIMARY KEY" : c.Nullable ? "" : " NOT NULL")}";
        });
        return $"CREATE TABLE {table.Name} ({string.Join(", ", columns)})";
    }
}
