namespace Migrate.Samples;

/// <summary>A name part: the written form (kanji or katakana) and its half-width katakana reading, pre-encoded.</summary>
internal sealed class NamePart(string written, string reading, string alpha = "")
{
    public byte[] Written { get; } = Cp932.Encode(written);

    public byte[] Kana { get; } = Cp932.Encode(Cp932.ToHalfWidthKana(reading));

    public byte[] Alpha { get; } = Cp932.Encode(alpha);
}

/// <summary>A town (町名) of the sample municipality with its postal code; MaxChome 0 = 地番 style (…番地…).</summary>
internal sealed class Town(string name, int maxChome, string yubin)
{
    public byte[] Name { get; } = Cp932.Encode(name);

    public int MaxChome { get; } = maxChome;

    public byte[] Yubin { get; } = Cp932.Encode(yubin);
}

/// <summary>A place in another municipality (転入前住所, 本籍): prefix up to the town, HasChome = 丁目 style.</summary>
internal sealed class Place(string prefix, bool hasChome)
{
    public byte[] Prefix { get; } = Cp932.Encode(prefix);

    public bool HasChome { get; } = hasChome;
}

/// <summary>A 在留資格 with the periods (in months) that may be granted; none = no period (永住者 etc.).</summary>
internal sealed class Status(string name, params int[] months)
{
    public byte[] Name { get; } = Cp932.Encode(name);

    public int[] Months { get; } = months;

    public byte[][] PeriodText { get; } = Array.ConvertAll(months, Period);

    private static byte[] Period(int months)
    {
        string text = months % 12 == 0 ? $"{months / 12}年" : months < 12 ? $"{months}月" : $"{months / 12}年{months % 12}月";
        return Cp932.Encode(text);
    }
}

internal sealed class Nationality(
    string code, string country, bool familyNameKept, int weight, NamePart[] surnames, NamePart[] male, NamePart[] female)
{
    public byte[] Code { get; } = Cp932.Encode(code);

    public string CodeText { get; } = code;

    /// <summary>Country name as written in 転入前住所 for arrivals from abroad.</summary>
    public byte[] Country { get; } = Cp932.Encode(country);

    /// <summary>Spouses keep their own family name (CHN, KOR, VNM).</summary>
    public bool FamilyNameKept { get; } = familyNameKept;

    public int Weight { get; } = weight;

    public NamePart[] Surnames { get; } = surnames;

    public NamePart[] Male { get; } = male;

    public NamePart[] Female { get; } = female;
}

/// <summary>The fictional content of vendor A samples, pre-encoded once as CP932 (immutable after construction).</summary>
internal sealed class VendorAData
{
    public static readonly VendorAData Instance = new();

    private VendorAData()
    {
        Surnames = Parts(
            "佐藤 サトウ", "鈴木 スズキ", "高橋 タカハシ", "田中 タナカ", "伊藤 イトウ", "渡辺 ワタナベ", "山本 ヤマモト",
            "中村 ナカムラ", "小林 コバヤシ", "加藤 カトウ", "吉田 ヨシダ", "山田 ヤマダ", "佐々木 ササキ", "山口 ヤマグチ",
            "松本 マツモト", "井上 イノウエ", "木村 キムラ", "林 ハヤシ", "斎藤 サイトウ", "清水 シミズ", "山崎 ヤマザキ",
            "森 モリ", "池田 イケダ", "橋本 ハシモト", "阿部 アベ", "石川 イシカワ", "山下 ヤマシタ", "中島 ナカジマ",
            "石井 イシイ", "小川 オガワ", "前田 マエダ", "岡田 オカダ", "長谷川 ハセガワ", "藤田 フジタ", "後藤 ゴトウ",
            "近藤 コンドウ", "村上 ムラカミ", "遠藤 エンドウ", "青木 アオキ", "坂本 サカモト");

        // 外字: U+E000.. encode to CP932 0xF040.. (the vendor's user-defined area, see the mapping's gaiji table).
        GaijiSurnames = Parts(
            "\uE000橋 タカハシ", "山\uE001 ヤマザキ", "\uE002田 ヨシダ", "\uE003本 ツジモト", "渡\uE004 ワタナベ");
        UnresolvedGaijiSurname = Parts("\uE005沢 セリザワ")[0];

        MaleOld = Parts("茂 シゲル", "清 キヨシ", "博 ヒロシ", "実 ミノル", "勇 イサム", "正男 マサオ", "和夫 カズオ",
            "一郎 イチロウ", "三郎 サブロウ", "武 タケシ");
        FemaleOld = Parts("幸子 サチコ", "和子 カズコ", "節子 セツコ", "洋子 ヨウコ", "京子 キョウコ", "弘子 ヒロコ",
            "文子 フミコ", "千代 チヨ", "静江 シズエ", "トミ トミ");
        MaleMid = Parts("誠 マコト", "浩 ヒロシ", "隆 タカシ", "健一 ケンイチ", "大輔 ダイスケ", "直樹 ナオキ",
            "哲也 テツヤ", "拓也 タクヤ", "剛 ツヨシ", "秀樹 ヒデキ", "太郎 タロウ");
        FemaleMid = Parts("恵子 ケイコ", "由美子 ユミコ", "裕子 ユウコ", "久美子 クミコ", "明美 アケミ", "真由美 マユミ",
            "智子 トモコ", "直美 ナオミ", "陽子 ヨウコ", "花子 ハナコ");
        MaleYoung = Parts("翔太 ショウタ", "蓮 レン", "大翔 ヒロト", "陽翔 ハルト", "悠真 ユウマ", "湊 ミナト",
            "大和 ヤマト", "翼 ツバサ", "健太 ケンタ", "颯太 ソウタ");
        FemaleYoung = Parts("美咲 ミサキ", "陽菜 ヒナ", "結衣 ユイ", "さくら サクラ", "葵 アオイ", "凛 リン",
            "芽依 メイ", "結愛 ユア", "紬 ツムギ", "愛 アイ");

        TestSurnames = Parts("試験 シケン", "テスト テスト", "検証 ケンショウ");
        TestGivenNames = Parts("太郎 タロウ", "一号 イチゴウ", "花子 ハナコ", "データ データ"); // 2 male, then 2 female

        Nationalities =
        [
            new("CHN", "中華人民共和国", true, 30,
                Foreign("王 オウ WANG", "李 リ LI", "張 チョウ ZHANG", "劉 リュウ LIU", "陳 チン CHEN"),
                Foreign("偉 イ WEI", "強 キョウ QIANG", "浩然 コウゼン HAORAN"),
                Foreign("芳 ホウ FANG", "秀英 シュウエイ XIUYING", "静 セイ JING")),
            new("VNM", "ベトナム社会主義共和国", true, 22,
                Foreign("グエン グエン NGUYEN", "チャン チャン TRAN", "レ レ LE", "ファム ファム PHAM"),
                Foreign("ヴァン　アン ヴァン　アン VAN AN", "ヴァン　ナム ヴァン　ナム VAN NAM", "ドゥック　ミン ドゥック　ミン DUC MINH"),
                Foreign("ティ　フオン ティ　フオン THI HUONG", "ティ　ラン ティ　ラン THI LAN", "ゴック　アイン ゴック　アイン NGOC ANH")),
            new("KOR", "大韓民国", true, 16,
                Foreign("金 キム KIM", "李 イ LEE", "朴 パク PARK", "崔 チェ CHOI"),
                Foreign("民俊 ミンジュン MINJUN", "志勲 ジフン JIHUN", "成民 ソンミン SUNGMIN"),
                Foreign("智恩 ジウン JIEUN", "秀妍 スヨン SUYEON", "恵珍 ヘジン HYEJIN")),
            new("PHL", "フィリピン共和国", false, 10,
                Foreign("サントス サントス SANTOS", "レイエス レイエス REYES", "クルス クルス CRUZ"),
                Foreign("ホセ ホセ JOSE", "マーク マーク MARK"),
                Foreign("マリア マリア MARIA", "アンジェリカ アンジェリカ ANGELICA")),
            new("NPL", "ネパール連邦民主共和国", false, 8,
                Foreign("グルン グルン GURUNG", "シュレスタ シュレスタ SHRESTHA", "タマン タマン TAMANG"),
                Foreign("ラム ラム RAM", "ビカス ビカス BIKASH"),
                Foreign("シタ シタ SITA", "アニタ アニタ ANITA")),
            new("USA", "アメリカ合衆国", false, 8,
                Foreign("スミス スミス SMITH", "ジョンソン ジョンソン JOHNSON", "ブラウン ブラウン BROWN", "ミラー ミラー MILLER"),
                Foreign("ジョン ジョン JOHN", "マイケル マイケル MICHAEL", "デイヴィッド デイヴィッド DAVID"),
                Foreign("エミリー エミリー EMILY", "サラ サラ SARAH", "ジェシカ ジェシカ JESSICA")),
            new("BRA", "ブラジル連邦共和国", false, 6,
                Foreign("シルバ シルバ SILVA", "オリベイラ オリベイラ OLIVEIRA", "ソウザ ソウザ SOUZA"),
                Foreign("ルーカス ルーカス LUCAS", "ペドロ ペドロ PEDRO"),
                Foreign("アナ アナ ANA", "ジュリアナ ジュリアナ JULIANA")),
        ];
        foreach (var n in Nationalities)
        {
            NationalityWeightTotal += n.Weight;
        }

        Statuses =
        [
            new("永住者"),
            new("特別永住者"),
            new("留学", 12, 24, 51),
            new("技術・人文知識・国際業務", 12, 36, 60),
            new("家族滞在", 12, 36),
            new("日本人の配偶者等", 12, 36),
            new("定住者", 36, 60),
            new("特定技能１号", 12),
            new("技能実習２号ロ", 12),
        ];

        // 千代田区 (131016): 住居表示 towns with 丁目, and 番町 towns written with 番地.
        Towns =
        [
            new("丸の内", 3, "100-0005"), new("大手町", 2, "100-0004"), new("有楽町", 2, "100-0006"),
            new("内幸町", 2, "100-0011"), new("永田町", 2, "100-0014"), new("霞が関", 3, "100-0013"),
            new("麹町", 6, "102-0083"), new("一番町", 0, "102-0082"), new("二番町", 0, "102-0084"),
            new("三番町", 0, "102-0075"), new("四番町", 0, "102-0081"), new("五番町", 0, "102-0076"),
            new("六番町", 0, "102-0085"), new("九段北", 4, "102-0073"), new("九段南", 4, "102-0074"),
            new("富士見", 2, "102-0071"), new("飯田橋", 4, "102-0072"), new("神田神保町", 3, "101-0051"),
            new("神田駿河台", 4, "101-0062"), new("外神田", 6, "101-0021"), new("岩本町", 3, "101-0032"),
            new("東神田", 3, "101-0031"), new("平河町", 2, "102-0093"), new("紀尾井町", 0, "102-0094"),
            new("隼町", 0, "102-0092"),
        ];
        JushoPrefix = Cp932.Encode("東京都千代田区");

        Apartments = Encode("メゾン神保町", "サンハイツ九段", "第二富士見荘", "ドミール番町", "シティコート丸の内",
            "グリーンパレス麹町", "コーポ神田", "ハイム飯田橋", "レジデンス平河町", "パークサイド一番町");

        OtherPlaces =
        [
            new("北海道札幌市中央区北一条西", true), new("宮城県仙台市青葉区一番町", true),
            new("埼玉県さいたま市浦和区高砂", true), new("千葉県千葉市中央区中央", true),
            new("東京都新宿区西新宿", true), new("東京都世田谷区太子堂", true), new("東京都練馬区豊玉北", true),
            new("神奈川県横浜市中区山下町", false), new("神奈川県川崎市川崎区宮本町", false),
            new("静岡県静岡市葵区追手町", false), new("愛知県名古屋市中区栄", true),
            new("京都府京都市中京区河原町通二条下ル一之船入町", false), new("大阪府大阪市北区梅田", true),
            new("兵庫県神戸市中央区加納町", true), new("広島県広島市中区基町", false),
            new("福岡県福岡市博多区博多駅前", true), new("熊本県熊本市中央区手取本町", false), new("沖縄県那覇市泉崎", true),
        ];

        // 本籍: includes the municipality itself (千代田区千代田 is a popular 本籍).
        HonsekiPlaces =
        [
            new("東京都千代田区千代田", false), new("東京都千代田区丸の内一丁目", false), new("東京都中央区銀座四丁目", false),
            new("東京都港区芝公園四丁目", false), new("大阪府大阪市中央区大阪城", false), new("北海道札幌市中央区北一条西二丁目", false),
            new("愛知県名古屋市中区三の丸一丁目", false), new("福岡県福岡市中央区天神一丁目", false), new("新潟県新潟市中央区学校町通一番町", false),
            new("長野県長野市大字南長野", false), new("鹿児島県鹿児島市山下町", false), new("宮城県仙台市青葉区本町三丁目", false),
        ];

        Memos = Fields("要介護認定あり", "転居予定", "郵便物返戻あり", "窓口にて本人確認済", "代理人による届出",
            "送付先別途登録あり", "就学通知発送済", "国保資格確認中", "証明書郵送請求あり", "住所認定調査中",
            "本人より電話照会あり", "施設入所中", "転出証明書未回収", "送付先変更予定,要確認", "\"至急\"扱い",
            "要確認,\"再発行\"済");
        PlainMemos = Encode("要介護認定あり", "転居予定", "郵便物返戻あり", "窓口にて本人確認済", "住所認定調査中");
        TestMemo = Cp932.Encode("テスト用データ（削除不可）");

        TantoKa = Encode("市民課", "住民記録課", "子ども家庭支援課", "福祉総務課", "生活福祉課");

        Chome = Cp932.Encode("丁目");
        Ban = Cp932.Encode("番");
        Banchi = Cp932.Encode("番地");
        Go = Cp932.Encode("号");
        Goshitsu = Cp932.Encode("号室");
        FullWidthSpace = Cp932.Encode("　");
    }

    public NamePart[] Surnames { get; }

    public NamePart[] GaijiSurnames { get; }

    public NamePart UnresolvedGaijiSurname { get; }

    public NamePart[] MaleOld { get; }

    public NamePart[] FemaleOld { get; }

    public NamePart[] MaleMid { get; }

    public NamePart[] FemaleMid { get; }

    public NamePart[] MaleYoung { get; }

    public NamePart[] FemaleYoung { get; }

    public NamePart[] TestSurnames { get; }

    public NamePart[] TestGivenNames { get; }

    public Nationality[] Nationalities { get; }

    public int NationalityWeightTotal { get; }

    public Status[] Statuses { get; }

    public Town[] Towns { get; }

    public byte[] JushoPrefix { get; }

    public byte[][] Apartments { get; }

    public Place[] OtherPlaces { get; }

    public Place[] HonsekiPlaces { get; }

    /// <summary>MEMO values as CSV fields (a few need quoting).</summary>
    public byte[][] Memos { get; }

    /// <summary>MEMO values without separators or quotes (used around invalid bytes).</summary>
    public byte[][] PlainMemos { get; }

    public byte[] TestMemo { get; }

    public byte[][] TantoKa { get; }

    public byte[] Chome { get; }

    public byte[] Ban { get; }

    public byte[] Banchi { get; }

    public byte[] Go { get; }

    public byte[] Goshitsu { get; }

    public byte[] FullWidthSpace { get; }

    private static NamePart[] Parts(params string[] items) => Array.ConvertAll(items, s =>
    {
        int space = s.IndexOf(' ', StringComparison.Ordinal);
        return new NamePart(s[..space], s[(space + 1)..]);
    });

    /// <summary>"written reading ALPHA" where written and reading may contain the ideographic space.</summary>
    private static NamePart[] Foreign(params string[] items) => Array.ConvertAll(items, s =>
    {
        string[] p = s.Split(' ');
        return new NamePart(p[0], p[1], p[2] + (p.Length > 3 ? " " + p[3] : string.Empty));
    });

    private static byte[][] Encode(params string[] items) => Array.ConvertAll(items, Cp932.Encode);

    private static byte[][] Fields(params string[] items) => Array.ConvertAll(items, Cp932.EncodeField);
}
