<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Chainscope</name>
    <message numerus="yes">
        <source>audit event %1 at %2: %n malformed EXECVE argument field(s) ignored (index, part or length not a number, or index outside argc)</source>
        <translation>
            <numerusform>監査イベント %1 (%2): 不正な EXECVE 引数フィールド %n 個を無視しました (インデックス、パートまたは長さが数値でないか、インデックスが argc の範囲外)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>audit event %1 at %2: %n EXECVE argument or PROCTITLE value(s) with an odd number of hex digits (cut; the last digit is dropped)</source>
        <translation>
            <numerusform>監査イベント %1 (%2): 16 進数の桁数が奇数の EXECVE 引数または PROCTITLE 値が %n 個あります (切り捨て。最後の桁は破棄されます)</numerusform>
        </translation>
    </message>
    <message>
        <source>line longer than %1 bytes: not an audit record (the kernel writes at most a few KiB per record)</source>
        <translation>%1 バイトを超える行: 監査レコードではありません (カーネルが書き込むのは 1 レコードあたり数 KiB まで)</translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input): %1</source>
        <translation>最終行が途中で切れています (入力の末尾に改行がありません): %1</translation>
    </message>
    <message>
        <source>not an audit record: &quot;%1&quot;</source>
        <translation>監査レコードではありません: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>audit record without a valid msg=audit(SECONDS.MILLIS:SERIAL) stamp: &quot;%1&quot;</source>
        <translation>有効な msg=audit(SECONDS.MILLIS:SERIAL) スタンプのない監査レコード: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>truncated audit record (a quoted value does not end): &quot;%1&quot;</source>
        <translation>途中で切れた監査レコード (引用符で囲まれた値が終わっていません): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input)</source>
        <translation>最終行が途中で切れています (入力の末尾に改行がありません)</translation>
    </message>
    <message>
        <source>last line cut (no newline at the end of the input): its last field &quot;%1&quot; may be incomplete and is not used</source>
        <translation>最終行が途中で切れています (入力の末尾に改行がありません): 最後のフィールド &quot;%1&quot; は不完全な可能性があるため使用しません</translation>
    </message>
    <message>
        <source>unknown archive error</source>
        <translation>不明なアーカイブエラー</translation>
    </message>
    <message>
        <source>sparse map beyond the member&apos;s size</source>
        <translation>スパースマップがメンバーのサイズを超えています</translation>
    </message>
    <message>
        <source>more data than the member&apos;s declared size</source>
        <translation>メンバーの宣言サイズより多くのデータがあります</translation>
    </message>
    <message>
        <source>the member decodes to more than %1 bytes, too many for the archive&apos;s size (a decompression bomb?)</source>
        <translation>メンバーを展開すると %1 バイトを超え、アーカイブのサイズに対して大きすぎます (解凍爆弾の可能性)</translation>
    </message>
    <message>
        <source>cannot read %1: out of memory</source>
        <translation>%1 を読み取れません: メモリ不足です</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み取れません: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: damaged archive after %n member(s): %2</source>
        <translation>
            <numerusform>%1: %n 個のメンバーの後でアーカイブが破損しています: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: empty file, nothing to import</source>
        <translation>%1: 空のファイルです。インポートするものがありません</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>%1: not a log format Chainscope reads (expected %2)</source>
        <translation>%1: Chainscope が読めるログ形式ではありません (想定: %2)</translation>
    </message>
    <message>
        <source>not a log format Chainscope reads</source>
        <translation>Chainscope が読めるログ形式ではありません</translation>
    </message>
    <message>
        <source>%1 is already in this case as source %2 (same SHA-256 %3…)</source>
        <translation>%1 はこのケースにソース %2 として既に含まれています (同じ SHA-256 %3…)</translation>
    </message>
    <message>
        <source>the member&apos;s bytes changed between the two readings of the archive (SHA-256 %1… first, %2… now)</source>
        <translation>アーカイブを 2 回読み取る間にメンバーのバイト列が変化しました (最初は SHA-256 %1…、現在は %2…)</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>インポートを中止しました</translation>
    </message>
    <message>
        <source>%1 is a directory, not a log file</source>
        <translation>%1 はディレクトリであり、ログファイルではありません</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>ディレクトリ</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>FIFO</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ソケット</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>cannot read %1: it is %2, not a regular file</source>
        <translation>%1 を読み取れません: %2 であり、通常のファイルではありません</translation>
    </message>
    <message>
        <source>cannot read %1: not open</source>
        <translation>%1 を読み取れません: 開かれていません</translation>
    </message>
    <message>
        <source>cannot read %1: zlib initialisation failed</source>
        <translation>%1 を読み取れません: zlib の初期化に失敗しました</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>読み取りエラー: %1</translation>
    </message>
    <message>
        <source>compressed stream is truncated</source>
        <translation>圧縮ストリームが途中で切れています</translation>
    </message>
    <message>
        <source>compressed stream is corrupt: %1</source>
        <translation>圧縮ストリームが破損しています: %1</translation>
    </message>
    <message>
        <source>%1; it was written by an older Chainscope (case format %2) and must be opened once where it can be written, to bring it up to date</source>
        <translation>%1。古いバージョンの Chainscope で書き込まれたケースです (ケース形式 %2)。最新の形式に更新するには、書き込み可能な場所で一度開く必要があります</translation>
    </message>
    <message>
        <source>%1 is not a Chainscope case (unknown case format %2; the file header may be damaged)</source>
        <translation>%1 は Chainscope のケースではありません (不明なケース形式 %2。ファイルヘッダーが破損している可能性があります)</translation>
    </message>
    <message>
        <source>case file %1 was written by a newer Chainscope (case format %2, this version reads up to %3); open it with a newer version</source>
        <translation>ケースファイル %1 は新しいバージョンの Chainscope で書き込まれています (ケース形式 %2、このバージョンが読めるのは %3 まで)。新しいバージョンで開いてください</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a Chainscope case</source>
        <translation>%1 は SQLite データベースですが、Chainscope のケースではありません</translation>
    </message>
    <message>
        <source>%1 is not a Chainscope case (it is empty)</source>
        <translation>%1 は Chainscope のケースではありません (空のファイルです)</translation>
    </message>
    <message>
        <source>case file %1: stored policy is invalid: %2</source>
        <translation>ケースファイル %1: 保存されているポリシーが無効です: %2</translation>
    </message>
    <message>
        <source>case file %1: raw record %2 is damaged (%3)</source>
        <translation>ケースファイル %1: 生レコード %2 が破損しています (%3)</translation>
    </message>
    <message>
        <source>case file %1: stored policy version %2 is invalid: %3</source>
        <translation>ケースファイル %1: 保存されているポリシーのバージョン %2 が無効です: %3</translation>
    </message>
    <message>
        <source>the disk is full: the case %1 could not be written (free some space and run the command again)</source>
        <translation>ディスクがいっぱいです: ケース %1 を書き込めませんでした (空き容量を確保してから、コマンドをもう一度実行してください)</translation>
    </message>
    <message>
        <source>the case %1 is read-only</source>
        <translation>ケース %1 は読み取り専用です</translation>
    </message>
    <message>
        <source>the case %1 is busy: another program (an import?) is writing to it</source>
        <translation>ケース %1 は使用中です: 別のプログラム (インポート処理など) が書き込み中です</translation>
    </message>
    <message>
        <source>the case file %1 is damaged or not a case file (%2)</source>
        <translation>ケースファイル %1 は破損しているか、ケースファイルではありません (%2)</translation>
    </message>
    <message>
        <source>case file %1: %2</source>
        <translation>ケースファイル %1: %2</translation>
    </message>
    <message>
        <source>the case %1 is read-only (%2)</source>
        <translation>ケース %1 は読み取り専用です (%2)</translation>
    </message>
    <message>
        <source>case file %1 does not exist</source>
        <translation>ケースファイル %1 は存在しません</translation>
    </message>
    <message>
        <source>case file %1 already exists</source>
        <translation>ケースファイル %1 は既に存在します</translation>
    </message>
    <message>
        <source>cannot create case file %1: its folder %2 cannot be written (%3)</source>
        <translation>ケースファイル %1 を作成できません: フォルダー %2 に書き込めません (%3)</translation>
    </message>
    <message>
        <source>the file: %1</source>
        <translation>ファイル: %1</translation>
    </message>
    <message>
        <source>its folder: %1</source>
        <translation>フォルダー: %1</translation>
    </message>
    <message>
        <source>SQLite could open it for reading only</source>
        <translation>SQLite は読み取り専用でしか開けませんでした</translation>
    </message>
    <message>
        <source>cannot open case file %1: %2</source>
        <translation>ケースファイル %1 を開けません: %2</translation>
    </message>
</context>
<context>
    <name>Chainscope::CaseVerifier</name>
    <message>
        <source>not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <source>SHA-256 failed</source>
        <translation>SHA-256 の計算に失敗しました</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>メモリ不足です</translation>
    </message>
    <message>
        <source>the page check could not finish</source>
        <translation>ページの検査を完了できませんでした</translation>
    </message>
    <message numerus="yes">
        <source>%n page problem(s)</source>
        <translation>
            <numerusform>ページの問題 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>the raw-record check could not finish</source>
        <translation>生レコードの検査を完了できませんでした</translation>
    </message>
    <message numerus="yes">
        <source>%n raw record(s) changed or damaged</source>
        <translation>
            <numerusform>変更または破損した生レコード %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>the source check could not finish</source>
        <translation>ソースの検査を完了できませんでした</translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) changed</source>
        <translation>
            <numerusform>変更されたソースファイル %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) not at the recorded path</source>
        <translation>
            <numerusform>記録されたパスにないソースファイル %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) unreadable</source>
        <translation>
            <numerusform>読み取れないソースファイル %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) without a recorded hash</source>
        <translation>
            <numerusform>ハッシュが記録されていないソース %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n raw record(s) not checked: stored before raw records were hashed</source>
        <translation>
            <numerusform>未検査の生レコード %n 件: 生レコードのハッシュ記録が始まる前に保存されたもの</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 raw record(s) and %2 source file(s) match their recorded hashes</source>
        <translation>%1 件の生レコードと %2 件のソースファイルが記録されたハッシュと一致します</translation>
    </message>
    <message>
        <source>intact: the pages check out; %1</source>
        <translation>完全: ページに問題はありません。%1</translation>
    </message>
    <message>
        <source>partly checked: nothing differs, but %1; %2</source>
        <translation>一部のみ検査済み: 相違はありませんが、%1。%2</translation>
    </message>
    <message>
        <source>differs: %1</source>
        <translation>相違あり: %1</translation>
    </message>
    <message>
        <source>Covered: the case file&apos;s pages and indexes (SQLite integrity_check); each raw record against the SHA-256 stored beside it at import; each source file still at its recorded path against its recorded SHA-256.</source>
        <translation>対象: ケースファイルのページとインデックス (SQLite integrity_check)、インポート時に各生レコードと一緒に保存された SHA-256 との照合、記録されたパスに現存する各ソースファイルと記録された SHA-256 との照合。</translation>
    </message>
    <message>
        <source>Not covered: the normalized event rows (an event field changed consistently, such as an image path, passes every check; compare an event with its raw record), the policy versions, the import error samples, raw records stored before case format 5, and source files no longer at their recorded path.</source>
        <translation>対象外: 正規化されたイベント行 (イメージパスなど、イベントのフィールドが矛盾なく変更されている場合はすべての検査を通過します。イベントを生レコードと比較してください)、ポリシーのバージョン、インポートエラーのサンプル、ケース形式 5 より前に保存された生レコード、記録されたパスにもう存在しないソースファイル。</translation>
    </message>
    <message>
        <source>never verified</source>
        <translation>未検証</translation>
    </message>
    <message>
        <source>%1 UTC, %2</source>
        <translation>%1 UTC、%2</translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainAnalysis</name>
    <message>
        <source>no case loaded</source>
        <translation>ケースが読み込まれていません</translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainSummaryPanel</name>
    <message>
        <source>Select a chain to see why it was flagged, what is missing and what was approved.</source>
        <translation>チェーンを選択すると、フラグが付いた理由、欠けているもの、承認されたものが表示されます。</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>欠落</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>&amp;Triage:</source>
        <translation>トリアージ(&amp;T):</translation>
    </message>
    <message>
        <source>Note for the report</source>
        <translation>レポート用のメモ</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>メモ(&amp;N):</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(nearest miss: event %1, %2 after the install)</source>
        <translation>(最も近い候補: イベント %1、インストールの %2 後)</translation>
    </message>
    <message>
        <source>(nearest miss: event %1)</source>
        <translation>(最も近い候補: イベント %1)</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 — chain %2 on %3, installed %4</source>
        <translation>%1 — %3 のチェーン %2、インストール日時 %4</translation>
    </message>
</context>
<context>
    <name>Chainscope::ChainsModel</name>
    <message>
        <source>suspicious</source>
        <translation>不審</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完全</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Missing %1: %2</source>
        <translation>欠落 (%1): %2</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>メモ: %1</translation>
    </message>
    <message>
        <source>%1 (note: %2)</source>
        <translation>%1 (メモ: %2)</translation>
    </message>
    <message>
        <source>Not triaged yet</source>
        <translation>未トリアージ</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>トリアージ</translation>
    </message>
    <message>
        <source>Installed (%1)</source>
        <translation>インストール日時 (%1)</translation>
    </message>
    <message>
        <source>First-run binary</source>
        <translation>初回実行バイナリ</translation>
    </message>
    <message>
        <source>Egress destination</source>
        <translation>外向き通信の宛先</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <source>Installer</source>
        <translation>インストーラー</translation>
    </message>
</context>
<context>
    <name>Chainscope::Correlator</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 時間</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <source>packages %1 and %2 more</source>
        <translation>パッケージ %1 ほか %2 件</translation>
    </message>
    <message>
        <source>packages %1</source>
        <translation>パッケージ %1</translation>
    </message>
    <message>
        <source>the package manager</source>
        <translation>パッケージマネージャー</translation>
    </message>
    <message>
        <source>signed by Team ID %1</source>
        <translation>Team ID %1 による署名</translation>
    </message>
    <message>
        <source>signed by Team ID %1, which no AllowedTeamIDs entry names</source>
        <translation>Team ID %1 による署名。AllowedTeamIDs のどのエントリにも含まれていません</translation>
    </message>
    <message>
        <source>signed by Team ID %1, not by %2, the team of the updater that brought it (AllowedTeamIDs is empty)</source>
        <translation>Team ID %1 による署名。持ち込んだアップデーターのチーム %2 による署名ではありません (AllowedTeamIDs は空です)</translation>
    </message>
    <message>
        <source>signed by Team ID %1; AllowedTeamIDs is empty</source>
        <translation>Team ID %1 による署名。AllowedTeamIDs は空です</translation>
    </message>
    <message>
        <source>installer log: %1</source>
        <translation>インストーラーログ: %1</translation>
    </message>
    <message>
        <source>%1 is an installer or updater (policy installer lists)</source>
        <translation>%1 はインストーラーまたはアップデーターです (ポリシーのインストーラーリスト)</translation>
    </message>
    <message>
        <source>brew installs from the tap %1</source>
        <translation>brew はタップ %1 からインストールしています</translation>
    </message>
    <message>
        <source>brew installs from %1, which no BrewTapsAllowList entry names</source>
        <translation>brew は %1 からインストールしていますが、BrewTapsAllowList のどのエントリにも含まれていません</translation>
    </message>
    <message>
        <source>the installer downloaded from %1, an approved source</source>
        <translation>インストーラーは承認済みのソース %1 からダウンロードしました</translation>
    </message>
    <message>
        <source>the installer downloaded from %1, which no ApprovedUpdateHosts or ApprovedRepos entry names</source>
        <translation>インストーラーは %1 からダウンロードしましたが、ApprovedUpdateHosts と ApprovedRepos のどのエントリにも含まれていません</translation>
    </message>
    <message>
        <source>the installer downloaded from %1; the policy names no approved sources (ApprovedUpdateHosts and ApprovedRepos are empty)</source>
        <translation>インストーラーは %1 からダウンロードしました。ポリシーに承認済みのソースがありません (ApprovedUpdateHosts と ApprovedRepos は空です)</translation>
    </message>
    <message>
        <source>no process or file-write records for this install (package log only)</source>
        <translation>このインストールのプロセスレコードやファイル書き込みレコードがありません (パッケージログのみ)</translation>
    </message>
    <message>
        <source>write not observed: %1 ran without a logged write of it (file-write events may be filtered on this host)</source>
        <translation>書き込みは観測されていません: %1 は書き込みの記録がないまま実行されました (このホストではファイル書き込みイベントがフィルタリングされている可能性があります)</translation>
    </message>
    <message>
        <source>write not observed: the update session&apos;s service host loaded the module without a logged write of it</source>
        <translation>書き込みは観測されていません: 更新セッションのサービスホストが、書き込みの記録がないモジュールを読み込みました</translation>
    </message>
    <message>
        <source>no write into monitored paths by the installer or its descendants within %1</source>
        <translation>%1 以内に、インストーラーまたはその子孫による監視対象パスへの書き込みがありません</translation>
    </message>
    <message>
        <source>%1 wrote %2, a monitored program path</source>
        <translation>%1 が監視対象のプログラムパス %2 に書き込みました</translation>
    </message>
    <message>
        <source>%1 wrote %2, which then ran within the window</source>
        <translation>%1 が %2 に書き込み、それが時間枠内に実行されました</translation>
    </message>
    <message>
        <source>first run of %1, written by the install %2 after it began</source>
        <translation>%1 の初回実行 (インストールで書き込まれたもの)。インストール開始から %2 後</translation>
    </message>
    <message>
        <source>%1 loaded %2, which the install wrote; its first run, %3 after the install began</source>
        <translation>%1 が、インストールで書き込まれた %2 を読み込みました。インストール開始から %3 後の初回実行です</translation>
    </message>
    <message>
        <source>%1 started %2 from its staging folder %3 after the install began (code the installer brought; write not observed)</source>
        <translation>%1 がインストール開始から %3 後に、ステージングフォルダーから %2 を起動しました (インストーラーが持ち込んだコード。書き込みは観測されていません)</translation>
    </message>
    <message>
        <source>%1 ran %3 after the install began; the install&apos;s downloader fetched it (&quot;%2&quot;); write not observed</source>
        <translation>%1 がインストール開始から %3 後に実行されました。インストールのダウンローダーが取得したものです (&quot;%2&quot;)。書き込みは観測されていません</translation>
    </message>
    <message>
        <source>an install script downloads and runs code in one line: &quot;%1&quot;</source>
        <translation>インストールスクリプトが 1 行でコードをダウンロードして実行しています: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1; the code is unsigned, ad-hoc signed or its signature did not verify (%2)</source>
        <translation>%1。コードは未署名、アドホック署名、または署名の検証に失敗しています (%2)</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>%1 loaded %2 (%3) %4 after %5 began an update session; the update service runs in this host</source>
        <translation>%5 が更新セッションを開始してから %4 後に、%1 が %2 (%3) を読み込みました。更新サービスはこのホストプロセス内で動作しています</translation>
    </message>
    <message>
        <source>%1 started %2, a shell, script host or system binary, after it loaded unsigned code during the update session</source>
        <translation>%1 が更新セッション中に未署名のコードを読み込んだ後、シェル、スクリプトホストまたはシステムバイナリである %2 を起動しました</translation>
    </message>
    <message>
        <source>%1 started %2, a shell, script host or system binary that new code has no business starting</source>
        <translation>%1 が、新しいコードが起動する理由のないシェル、スクリプトホストまたはシステムバイナリ %2 を起動しました</translation>
    </message>
    <message>
        <source>%1 started %2 below the first run of %3: a shell, script host or system binary</source>
        <translation>%1 が %3 の初回実行の配下で %2 を起動しました: シェル、スクリプトホストまたはシステムバイナリです</translation>
    </message>
    <message>
        <source>code integrity refused or flagged %1</source>
        <translation>コード整合性機能が %1 を拒否またはフラグ付けしました</translation>
    </message>
    <message>
        <source>%1 loaded %2, which is unsigned or whose signature did not verify (%3)</source>
        <translation>%1 が、未署名または署名の検証に失敗した %2 を読み込みました (%3)</translation>
    </message>
    <message>
        <source>%1 loaded %2, %3</source>
        <translation>%1 が %2 を読み込みました。%3</translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3, whom no ApprovedSigners entry names</source>
        <translation>%1 が %2 を読み込みました。署名者 %3 は ApprovedSigners のどのエントリにも含まれていません</translation>
    </message>
    <message>
        <source>%1 loaded %2 with a new hash under the same signer (%3)</source>
        <translation>%1 が、同じ署名者 (%3) のままハッシュが変わった %2 を読み込みました</translation>
    </message>
    <message>
        <source>%1 loaded %2, now signed by %3, unlike before the install</source>
        <translation>%1 が %2 を読み込みました。インストール前とは異なり、現在は %3 が署名しています</translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3</source>
        <translation>%1 が %3 の署名付きの %2 を読み込みました</translation>
    </message>
    <message>
        <source>%1 loaded %2; no signer was logged</source>
        <translation>%1 が %2 を読み込みました。署名者は記録されていません</translation>
    </message>
    <message>
        <source>%1 loaded %2, signed by %3 (valid); no ApprovedSigners entry names it</source>
        <translation>%1 が %3 の署名 (有効) 付きの %2 を読み込みました。ApprovedSigners のどのエントリにも含まれていません</translation>
    </message>
    <message>
        <source>%1 is now signed by %2, unlike before the install</source>
        <translation>%1 はインストール前とは異なり、現在は %2 が署名しています</translation>
    </message>
    <message>
        <source>%1; its hash changed since before the install, under the same signer</source>
        <translation>%1。署名者は同じですが、インストール前からハッシュが変わっています</translation>
    </message>
    <message>
        <source>%1 set up %2 to start again (persistence)</source>
        <translation>%1 が %2 を再度起動するよう設定しました (永続化)</translation>
    </message>
    <message>
        <source>%1 flagged %2 %3 after the install began (code signing or notarization)</source>
        <translation>%1 がインストール開始から %3 後に %2 にフラグを付けました (コード署名または公証)</translation>
    </message>
    <message>
        <source>%1; Team ID %2</source>
        <translation>%1。Team ID %2</translation>
    </message>
    <message>
        <source>written binary %1 first ran %2 after the install, outside the %3 window</source>
        <translation>書き込まれたバイナリ %1 の初回実行はインストールの %2 後で、時間枠 %3 の範囲外です</translation>
    </message>
    <message numerus="yes">
        <source>none of the %n written file(s) was executed</source>
        <translation>
            <numerusform>書き込まれた %n 個のファイルはいずれも実行されていません</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reached %2 %3 after the install, an approved update host</source>
        <translation>%1 がインストールの %3 後に、承認済みの更新ホスト %2 に接続しました</translation>
    </message>
    <message>
        <source>%1 reached %2 %3 after the install; no ApprovedUpdateHosts entry names it</source>
        <translation>%1 がインストールの %3 後に %2 に接続しました。ApprovedUpdateHosts のどのエントリにも含まれていません</translation>
    </message>
    <message>
        <source>no egress within %1; first egress %2 after the install to %3</source>
        <translation>%1 以内に外向き通信がありません。最初の外向き通信はインストールの %2 後で、宛先は %3 です</translation>
    </message>
    <message>
        <source>no network connection from the first-run process or its descendants; the case holds no network events for this host (egress is not logged)</source>
        <translation>初回実行プロセスまたはその子孫からのネットワーク接続がありません。このケースにはこのホストのネットワークイベントがありません (外向き通信は記録されていません)</translation>
    </message>
    <message>
        <source>no network connection from the first-run process or its descendants</source>
        <translation>初回実行プロセスまたはその子孫からのネットワーク接続がありません</translation>
    </message>
    <message>
        <source>Suspicious: %1.</source>
        <translation>不審: %1。</translation>
    </message>
    <message>
        <source>Approved because %1.</source>
        <translation>承認済み: %1。</translation>
    </message>
    <message>
        <source>the nearest egress came after the window and went to an unapproved host</source>
        <translation>最も近い外向き通信は時間枠の後で、宛先は未承認のホストでした</translation>
    </message>
    <message>
        <source>no policy entry approves any of its evidence</source>
        <translation>その証拠を承認するポリシーエントリがありません</translation>
    </message>
    <message>
        <source>nothing the install brought was seen running</source>
        <translation>インストールで持ち込まれたものの実行は観測されていません</translation>
    </message>
    <message>
        <source>Incomplete: no mismatch, but not approved: %1.</source>
        <translation>不完全: 不一致はありませんが、承認されていません: %1。</translation>
    </message>
    <message>
        <source>Missing: %1.</source>
        <translation>欠落: %1。</translation>
    </message>
    <message>
        <source>installer</source>
        <translation>インストーラー</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>初回実行</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 に書き込み</translation>
    </message>
    <message>
        <source>loaded %1 (%2)</source>
        <translation>%1 を読み込み (%2)</translation>
    </message>
    <message>
        <source>loaded %1</source>
        <translation>%1 を読み込み</translation>
    </message>
    <message>
        <source>shell / script host</source>
        <translation>シェル / スクリプトホスト</translation>
    </message>
    <message>
        <source>egress to %1</source>
        <translation>%1 への外向き通信</translation>
    </message>
    <message>
        <source>package source %1</source>
        <translation>パッケージソース %1</translation>
    </message>
    <message>
        <source>package source %1 (not approved)</source>
        <translation>パッケージソース %1 (未承認)</translation>
    </message>
    <message>
        <source>persistence %1</source>
        <translation>永続化 %1</translation>
    </message>
</context>
<context>
    <name>Chainscope::DensityStrip</name>
    <message>
        <source>Events over time in the whole case. Drag to select a time range; click to clear it.</source>
        <translation>ケース全体のイベントの時間分布。ドラッグで時間範囲を選択し、クリックで選択を解除します。</translation>
    </message>
    <message>
        <source>events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>events in the case (%1)</source>
        <translation>ケース内のイベント (%1)</translation>
    </message>
</context>
<context>
    <name>Chainscope::EcsReader</name>
    <message>
        <source>ECS document longer than %1 bytes: skipped</source>
        <translation>%1 バイトを超える ECS ドキュメント: スキップしました</translation>
    </message>
    <message>
        <source>ECS document nested deeper than %1 levels: skipped</source>
        <translation>%1 階層より深くネストされた ECS ドキュメント: スキップしました</translation>
    </message>
    <message>
        <source>not a JSON document (text between documents): skipped to the end of the line</source>
        <translation>JSON ドキュメントではありません (ドキュメント間のテキスト): 行末までスキップしました</translation>
    </message>
    <message>
        <source>ECS document cut off (a line ends inside a string)</source>
        <translation>ECS ドキュメントが途中で切れています (文字列の途中で行が終わっています)</translation>
    </message>
    <message>
        <source>ECS document cut off (a new document starts before it ends)</source>
        <translation>ECS ドキュメントが途中で切れています (終わる前に新しいドキュメントが始まっています)</translation>
    </message>
    <message>
        <source>ECS document cut off at the end of the file</source>
        <translation>ECS ドキュメントがファイルの末尾で切れています</translation>
    </message>
    <message>
        <source>Winlogbeat document without a readable @timestamp</source>
        <translation>読み取り可能な @timestamp のない Winlogbeat ドキュメント</translation>
    </message>
    <message>
        <source>ECS document without a readable @timestamp</source>
        <translation>読み取り可能な @timestamp のない ECS ドキュメント</translation>
    </message>
    <message>
        <source>ECS document is not valid JSON: %1</source>
        <translation>ECS ドキュメントが有効な JSON ではありません: %1</translation>
    </message>
    <message>
        <source>Elasticsearch hit that is not a JSON object</source>
        <translation>JSON オブジェクトではない Elasticsearch ヒット</translation>
    </message>
</context>
<context>
    <name>Chainscope::EsloggerReader</name>
    <message>
        <source>eslogger: %1</source>
        <translation>eslogger: %1</translation>
    </message>
    <message>
        <source>eslogger: event without a time</source>
        <translation>eslogger: 時刻のないイベント</translation>
    </message>
    <message>
        <source>eslogger: unreadable time &apos;%1&apos;</source>
        <translation>eslogger: 読み取れない時刻 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>eslogger: not an Endpoint Security message (no event or process)</source>
        <translation>eslogger: Endpoint Security メッセージではありません (イベントまたはプロセスがありません)</translation>
    </message>
</context>
<context>
    <name>Chainscope::EventsModel</name>
    <message>
        <source>Bookmarked</source>
        <translation>ブックマーク済み</translation>
    </message>
    <message>
        <source>Bookmarked: %1</source>
        <translation>ブックマーク済み: %1</translation>
    </message>
    <message>
        <source>Bookmarked events (Ctrl+B)</source>
        <translation>ブックマークしたイベント (Ctrl+B)</translation>
    </message>
    <message>
        <source>The event&apos;s message, or its other recorded facts</source>
        <translation>イベントのメッセージ、またはその他の記録された情報</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>時刻 (UTC)</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>時刻 (%1)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>プロバイダー</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>イベント ID</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <source>Target / destination</source>
        <translation>対象 / 宛先</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>コマンドライン</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>Chainscope::EventsPanel</name>
    <message>
        <source>Show the events of one host</source>
        <translation>1 つのホストのイベントを表示</translation>
    </message>
    <message>
        <source>Show the events of one source file</source>
        <translation>1 つのソースファイルのイベントを表示</translation>
    </message>
    <message>
        <source>Show one kind of event</source>
        <translation>1 種類のイベントを表示</translation>
    </message>
    <message>
        <source>Show the events of one Windows event provider</source>
        <translation>1 つの Windows イベントプロバイダーのイベントを表示</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>This chain only</source>
        <translation>このチェーンのみ</translation>
    </message>
    <message>
        <source>Bookmarked only</source>
        <translation>ブックマークのみ</translation>
    </message>
    <message>
        <source>Search image, command line, target, destination, user, provider, message (Ctrl+F)</source>
        <translation>イメージ、コマンドライン、対象、宛先、ユーザー、プロバイダー、メッセージを検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>イベント ID</translation>
    </message>
    <message>
        <source>Show one Windows event id (4688, Sysmon 1, …)</source>
        <translation>1 つの Windows イベント ID を表示 (4688、Sysmon 1、…)</translation>
    </message>
    <message>
        <source>Only events at or after this time (display time zone)</source>
        <translation>この時刻以降のイベントのみ (表示タイムゾーン)</translation>
    </message>
    <message>
        <source>Only events at or before this time, the whole second included (display time zone)</source>
        <translation>この時刻以前のイベントのみ。この秒全体を含みます (表示タイムゾーン)</translation>
    </message>
    <message>
        <source>Only the events of the chain selected in the Chains tab</source>
        <translation>[チェーン] タブで選択したチェーンのイベントのみ</translation>
    </message>
    <message>
        <source>Only events bookmarked with Ctrl+B</source>
        <translation>Ctrl+B でブックマークしたイベントのみ</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>フィルターをクリア</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <source>Write every matching event, in this order and these columns, to a CSV file</source>
        <translation>一致するすべてのイベントを、この順序と列のまま CSV ファイルに書き出します</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>行をコピー</translation>
    </message>
    <message>
        <source>Toggle bookmark…</source>
        <translation>ブックマークの切り替え…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV をエクスポート</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>すべてのホスト</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>すべてのソース</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>すべてのプロバイダー</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%2 件中 %1 件のイベント</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>ケースが開かれていません。</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>ブックマーク済み</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 を書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Export events as CSV</source>
        <translation>イベントを CSV としてエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Bookmark event</source>
        <translation>イベントをブックマーク</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>メモ (省略可):</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>ブックマーク</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>Chainscope::Explanation</name>
    <message>
        <source>host not approved</source>
        <translation>ホストが未承認</translation>
    </message>
    <message>
        <source>package source not approved</source>
        <translation>パッケージソースが未承認</translation>
    </message>
    <message>
        <source>unexpected child process</source>
        <translation>予期しない子プロセス</translation>
    </message>
    <message>
        <source>unsigned module</source>
        <translation>未署名のモジュール</translation>
    </message>
    <message>
        <source>signer not approved</source>
        <translation>署名者が未承認</translation>
    </message>
    <message>
        <source>signer changed</source>
        <translation>署名者が変更</translation>
    </message>
    <message>
        <source>new hash, same signer</source>
        <translation>新しいハッシュ、同じ署名者</translation>
    </message>
    <message>
        <source>Team ID not allowed</source>
        <translation>Team ID が許可されていない</translation>
    </message>
    <message>
        <source>Homebrew tap not approved</source>
        <translation>Homebrew タップが未承認</translation>
    </message>
    <message>
        <source>The chain connected to a host that no ApprovedUpdateHosts or ApprovedRepos entry names.</source>
        <translation>チェーンが、ApprovedUpdateHosts と ApprovedRepos のどのエントリにも含まれていないホストに接続しました。</translation>
    </message>
    <message>
        <source>The install came from a package source that no ApprovedRepos entry names.</source>
        <translation>インストールは、ApprovedRepos のどのエントリにも含まれていないパッケージソースからのものです。</translation>
    </message>
    <message>
        <source>Code the install brought started a shell, script host or system binary.</source>
        <translation>インストールで持ち込まれたコードが、シェル、スクリプトホストまたはシステムバイナリを起動しました。</translation>
    </message>
    <message>
        <source>Code was unsigned, ad-hoc signed, or its signature did not verify.</source>
        <translation>コードが未署名、アドホック署名、または署名の検証に失敗していました。</translation>
    </message>
    <message>
        <source>Code was validly signed, but by a signer that no ApprovedSigners entry names.</source>
        <translation>コードは有効に署名されていましたが、署名者は ApprovedSigners のどのエントリにも含まれていません。</translation>
    </message>
    <message>
        <source>A file the host knew is now signed by a different signer than before the install.</source>
        <translation>ホストで既知だったファイルが、インストール前とは異なる署名者によって署名されています。</translation>
    </message>
    <message>
        <source>A file the host knew has a new hash under the same signer; every genuine update does this too, so it is a note, not a flag.</source>
        <translation>ホストで既知だったファイルのハッシュが、同じ署名者のまま変わっています。正規の更新でも必ず起こるため、フラグではなく注記として扱います。</translation>
    </message>
    <message>
        <source>Code was signed by an Apple Team ID that AllowedTeamIDs does not list (or, with an empty list, not by the updater&apos;s team).</source>
        <translation>コードが AllowedTeamIDs に含まれていない Apple Team ID で署名されていました (リストが空の場合は、アップデーターのチーム以外による署名)。</translation>
    </message>
    <message>
        <source>Homebrew installed from a tap that no BrewTapsAllowList entry names.</source>
        <translation>Homebrew が、BrewTapsAllowList のどのエントリにも含まれていないタップからインストールしました。</translation>
    </message>
    <message>
        <source>installer</source>
        <translation>インストーラー</translation>
    </message>
    <message>
        <source>package</source>
        <translation>パッケージ</translation>
    </message>
    <message>
        <source>package source</source>
        <translation>パッケージソース</translation>
    </message>
    <message>
        <source>write</source>
        <translation>書き込み</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>初回実行</translation>
    </message>
    <message>
        <source>child process</source>
        <translation>子プロセス</translation>
    </message>
    <message>
        <source>module load</source>
        <translation>モジュールの読み込み</translation>
    </message>
    <message>
        <source>egress</source>
        <translation>外向き通信</translation>
    </message>
    <message>
        <source>persistence</source>
        <translation>永続化</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>インストール</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>書き込み</translation>
    </message>
    <message>
        <source>First run</source>
        <translation>初回実行</translation>
    </message>
    <message>
        <source>Egress</source>
        <translation>外向き通信</translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation>不審</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>不完全</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>before</source>
        <translation>前</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 days %2 h</source>
        <translation>%1 日 %2 時間</translation>
    </message>
    <message>
        <source>Not triaged</source>
        <translation>未トリアージ</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>Benign</source>
        <translation>無害</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>要追跡調査</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>%1 により承認</translation>
    </message>
    <message>
        <source>approved by %1 entry %2</source>
        <translation>%1 のエントリ %2 により承認</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>Chainscope::HtmlReport</name>
    <message>
        <source>policy v%1</source>
        <translation>ポリシー v%1</translation>
    </message>
    <message>
        <source>default policy</source>
        <translation>既定のポリシー</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>%1 を追加</translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>reordered</source>
        <translation>並べ替え</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Chainscope report: %1</source>
        <translation>Chainscope レポート: %1</translation>
    </message>
    <message>
        <source>Supply-chain compromise report</source>
        <translation>サプライチェーン侵害レポート</translation>
    </message>
    <message>
        <source>Case: </source>
        <translation>ケース: </translation>
    </message>
    <message>
        <source>Generated: %1 UTC</source>
        <translation>作成日時: %1 UTC</translation>
    </message>
    <message>
        <source>Last verified: %1</source>
        <translation>最終検証: %1</translation>
    </message>
    <message>
        <source>Analytic: MITRE ATT&amp;CK DET0309 (T1195.002), install → write → first run → egress</source>
        <translation>分析: MITRE ATT&amp;CK DET0309 (T1195.002)、インストール → 書き込み → 初回実行 → 外向き通信</translation>
    </message>
    <message>
        <source>Selected chains only: %1 of %2.</source>
        <translation>選択したチェーンのみ: %2 件中 %1 件。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>%1 suspicious chain(s), %2 incomplete, %3 approved by the policy.</source>
        <translation>不審なチェーン %1 件、不完全 %2 件、ポリシーにより承認 %3 件。</translation>
    </message>
    <message>
        <source>Chains</source>
        <translation>チェーン</translation>
    </message>
    <message>
        <source>No install seed wrote into a monitored path.</source>
        <translation>監視対象パスに書き込んだインストールの起点はありません。</translation>
    </message>
    <message>
        <source>Analyst:</source>
        <translation>アナリスト:</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>未マーク</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <source>benign</source>
        <translation>無害</translation>
    </message>
    <message>
        <source>needs follow-up</source>
        <translation>要追跡調査</translation>
    </message>
    <message>
        <source>Bookmarked events</source>
        <translation>ブックマークしたイベント</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>時刻 (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>(not in the case)</source>
        <translation>(ケースにありません)</translation>
    </message>
    <message>
        <source>Evidence sources</source>
        <translation>証拠ソース</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>欠番</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>UTC / as logged</source>
        <translation>UTC / 記録どおり</translation>
    </message>
    <message>
        <source>… %1 ranges in all</source>
        <translation>… 全 %1 範囲</translation>
    </message>
    <message>
        <source>%1 missing sequence number(s): possible loss (%2)</source>
        <translation>欠番のシーケンス番号 %1 個: 欠落の可能性あり (%2)</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <source>Case policy version %1.</source>
        <translation>ケースポリシー、バージョン %1。</translation>
    </message>
    <message>
        <source>Default policy (never edited in this case).</source>
        <translation>既定のポリシー (このケースでは一度も編集されていません)。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>Policy history</source>
        <translation>ポリシーの履歴</translation>
    </message>
    <message>
        <source>The policy was never edited in this case: the defaults apply.</source>
        <translation>このケースではポリシーが一度も編集されていないため、既定値が適用されます。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Saved (UTC)</source>
        <translation>保存日時 (UTC)</translation>
    </message>
    <message>
        <source>Changes from the previous version</source>
        <translation>前のバージョンからの変更</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <source>from the defaults:</source>
        <translation>既定値からの変更:</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>不審</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完全</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>プラットフォーム</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>チェーン</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Installer</source>
        <translation>インストーラー</translation>
    </message>
    <message>
        <source>First run</source>
        <translation>初回実行</translation>
    </message>
    <message>
        <source>Egress</source>
        <translation>外向き通信</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <source>Chain %1 — %2, host %3, score %4</source>
        <translation>チェーン %1 — %2、ホスト %3、スコア %4</translation>
    </message>
    <message>
        <source>no mismatch</source>
        <translation>不一致なし</translation>
    </message>
    <message>
        <source>Installer:</source>
        <translation>インストーラー:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>開始:</translation>
    </message>
    <message>
        <source>Missing %1: %2</source>
        <translation>欠落 (%1): %2</translation>
    </message>
    <message>
        <source>Timeline of chain %1</source>
        <translation>チェーン %1 のタイムライン</translation>
    </message>
    <message>
        <source>Stage / time (UTC)</source>
        <translation>段階 / 時刻 (UTC)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>プロセス</translation>
    </message>
    <message>
        <source>Hash (old → new)</source>
        <translation>ハッシュ (旧 → 新)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Role in chain</source>
        <translation>チェーン内の役割</translation>
    </message>
    <message>
        <source>%1%2 d %3 h</source>
        <translation>%1%2 日 %3 時間</translation>
    </message>
    <message>
        <source>%1%2 h %3 min</source>
        <translation>%1%2 時間 %3 分</translation>
    </message>
    <message>
        <source>%1%2 min %3 s</source>
        <translation>%1%2 分 %3 秒</translation>
    </message>
    <message>
        <source>%1%2 s</source>
        <translation>%1%2 秒</translation>
    </message>
    <message>
        <source>%1 %2; window %3</source>
        <translation>%1 %2。時間枠 %3</translation>
    </message>
    <message>
        <source>Chain %1 on a time axis</source>
        <translation>時間軸上のチェーン %1</translation>
    </message>
    <message>
        <source>time window %1 from the install</source>
        <translation>インストールからの時間枠 %1</translation>
    </message>
    <message>
        <source>No signer, signature status or hash was logged for this chain&apos;s evidence.</source>
        <translation>このチェーンの証拠には、署名者・署名の状態・ハッシュのいずれも記録されていません。</translation>
    </message>
    <message>
        <source>Process → target</source>
        <translation>プロセス → 対象</translation>
    </message>
    <message>
        <source>Signer (signature)</source>
        <translation>署名者 (署名)</translation>
    </message>
    <message>
        <source>Chains: as the case kept them from its last analysis under this policy (read from the case file, not computed for this report).</source>
        <translation>チェーン: このポリシーでの前回の分析でケースに保存されたもの（ケース ファイルから読み込み、このレポートのために計算したものではありません）。</translation>
    </message>
    <message>
        <source>Chains: computed from the case&apos;s events for this report.</source>
        <translation>チェーン: このレポートのためにケースのイベントから計算しました。</translation>
    </message>
</context>
<context>
    <name>Chainscope::HuntExportDialog</name>
    <message>
        <source>Export Hunt</source>
        <translation>ハントをエクスポート</translation>
    </message>
    <message>
        <source>The case policy&apos;s chain (install, write, first run, egress) as detection rules that your SIEM runs across the fleet. The rules are weaker than the workbench: see docs/hunting.md.</source>
        <translation>ケースポリシーのチェーン (インストール、書き込み、初回実行、外向き通信) を、SIEM がフリート全体で実行する検知ルールとして出力します。ルールはワークベンチより弱い判定です: docs/hunting.md を参照してください。</translation>
    </message>
    <message>
        <source>Elastic EQL sequence</source>
        <translation>Elastic EQL シーケンス</translation>
    </message>
    <message>
        <source>Sigma rules with a correlation</source>
        <translation>相関付きの Sigma ルール</translation>
    </message>
    <message>
        <source>Splunk search (SPL)</source>
        <translation>Splunk 検索 (SPL)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>プラットフォーム(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>ファイル(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 を書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Chainscope::InstallHistoryReader</name>
    <message>
        <source>not a dict</source>
        <translation>dict ではありません</translation>
    </message>
    <message>
        <source>damaged XML (%1)</source>
        <translation>破損した XML (%1)</translation>
    </message>
    <message>
        <source>InstallHistory.plist is a binary property list, which Chainscope does not read; convert it with `plutil -convert xml1 -o InstallHistory.xml.plist InstallHistory.plist` and import that</source>
        <translation>InstallHistory.plist はバイナリ形式のプロパティリストで、Chainscope では読み取れません。`plutil -convert xml1 -o InstallHistory.xml.plist InstallHistory.plist` で変換してから、変換後のファイルをインポートしてください</translation>
    </message>
    <message>
        <source>InstallHistory.plist: unreadable install record: %1</source>
        <translation>InstallHistory.plist: 読み取れないインストールレコード: %1</translation>
    </message>
    <message>
        <source>InstallHistory.plist: install record without a date</source>
        <translation>InstallHistory.plist: 日付のないインストールレコード</translation>
    </message>
    <message>
        <source>InstallHistory.plist: unreadable date &apos;%1&apos;</source>
        <translation>InstallHistory.plist: 読み取れない日付 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>InstallHistory.plist: install record longer than %1 bytes, skipped</source>
        <translation>InstallHistory.plist: %1 バイトを超えるインストールレコード。スキップしました</translation>
    </message>
    <message>
        <source>InstallHistory.plist: empty install record</source>
        <translation>InstallHistory.plist: 空のインストールレコード</translation>
    </message>
    <message>
        <source>InstallHistory.plist: the file ends inside an install record (cut off)</source>
        <translation>InstallHistory.plist: インストールレコードの途中でファイルが終わっています (途中で切れています)</translation>
    </message>
</context>
<context>
    <name>Chainscope::InstallLogReader</name>
    <message>
        <source>install.log: line longer than %1 bytes, skipped</source>
        <translation>install.log: %1 バイトを超える行。スキップしました</translation>
    </message>
    <message>
        <source>install.log: unreadable line (expected &apos;HOST PROCESS[PID]: message&apos; after the time)</source>
        <translation>install.log: 読み取れない行 (時刻の後に &apos;HOST PROCESS[PID]: message&apos; が必要です)</translation>
    </message>
    <message>
        <source>install.log: line in the old syslog form without a year, not read</source>
        <translation>install.log: 年のない旧 syslog 形式の行。読み取りません</translation>
    </message>
    <message>
        <source>install.log: line without a time and no record before it</source>
        <translation>install.log: 時刻がなく、前にレコードもない行</translation>
    </message>
</context>
<context>
    <name>Chainscope::JsonRecordStream</name>
    <message>
        <source>not valid JSON (%1 at byte %2 of the record)</source>
        <translation>有効な JSON ではありません (レコードの %2 バイト目で %1)</translation>
    </message>
    <message>
        <source>a JSON value that is not an object</source>
        <translation>オブジェクトではない JSON 値</translation>
    </message>
    <message>
        <source>record longer than %1 bytes, skipped</source>
        <translation>%1 バイトを超えるレコード。スキップしました</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>the file ends inside a JSON object (cut off)</source>
        <translation>JSON オブジェクトの途中でファイルが終わっています (途中で切れています)</translation>
    </message>
    <message>
        <source>text between the JSON objects of the array, skipped up to the next object</source>
        <translation>配列内の JSON オブジェクト間にテキストがあります。次のオブジェクトまでスキップしました</translation>
    </message>
    <message>
        <source>JSON object nested deeper than %1 levels, skipped</source>
        <translation>%1 階層より深くネストされた JSON オブジェクト。スキップしました</translation>
    </message>
    <message>
        <source>JSON object longer than %1 bytes, skipped</source>
        <translation>%1 バイトを超える JSON オブジェクト。スキップしました</translation>
    </message>
</context>
<context>
    <name>Chainscope::MainWindow</name>
    <message>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <source>Chainscope</source>
        <translation>Chainscope</translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation>プロセスツリー</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Correlation failed: %1</source>
        <translation>相関分析に失敗しました: %1</translation>
    </message>
    <message>
        <source>Times are shown in this zone. Click to choose another.</source>
        <translation>時刻はこのタイムゾーンで表示されます。クリックすると別のタイムゾーンを選択できます。</translation>
    </message>
    <message>
        <source>Create or open a case, then import or drop logs</source>
        <translation>ケースを作成するか開いてから、ログをインポートするかここにドロップしてください</translation>
    </message>
    <message>
        <source>Recent Cases</source>
        <translation>最近使ったケース</translation>
    </message>
    <message>
        <source>Import logs or drop files here</source>
        <translation>ログをインポートするか、ここにファイルをドロップしてください</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>新しいケース(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>ケースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったケース(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close Case</source>
        <translation>ケースを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import Logs…</source>
        <translation>ログをインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>フォルダーをインポート(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>レポートをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Process Tree</source>
        <translation>プロセスツリー(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>タイムライン(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>イベント(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>ソース(&amp;S)</translation>
    </message>
    <message>
        <source>Display &amp;Time Zone…</source>
        <translation>表示タイムゾーン(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Applies at the next start</source>
        <translation>次回起動時に適用されます</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Case &amp;Policy…</source>
        <translation>ケースポリシー(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Verify Case…</source>
        <translation>ケースを検証(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Next Chain</source>
        <translation>次のチェーン(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious Chain</source>
        <translation>前のチェーン(&amp;R)</translation>
    </message>
    <message>
        <source>Next &amp;Stage</source>
        <translation>次の段階(&amp;S)</translation>
    </message>
    <message>
        <source>Previous S&amp;tage</source>
        <translation>前の段階(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Chainscope</source>
        <translation>Chainscope について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>新しいケース</translation>
    </message>
    <message>
        <source>Chainscope cases (*.chainscope)</source>
        <translation>Chainscope ケース (*.chainscope)</translation>
    </message>
    <message>
        <source>Open Case</source>
        <translation>ケースを開く</translation>
    </message>
    <message>
        <source>Chainscope cases (*.chainscope);;All files (*)</source>
        <translation>Chainscope ケース (*.chainscope);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation>証拠をインポート</translation>
    </message>
    <message>
        <source>Logs and collections (*);;Archives (*.zip *.tar *.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.7z)</source>
        <translation>ログとコレクション (*);;アーカイブ (*.zip *.tar *.tar.gz *.tgz *.tar.xz *.txz *.tar.bz2 *.7z)</translation>
    </message>
    <message>
        <source>Import Folder (Triage Collection)</source>
        <translation>フォルダーをインポート (トリアージコレクション)</translation>
    </message>
    <message>
        <source>Create or open a case first, then import the logs into it.</source>
        <translation>先にケースを作成するか開いてから、そのケースにログをインポートしてください。</translation>
    </message>
    <message>
        <source>The case is busy (an import or a verification runs); import again when it has finished.</source>
        <translation>ケースは使用中です (インポートまたは検証の実行中)。完了してから再度インポートしてください。</translation>
    </message>
    <message>
        <source>Import Options</source>
        <translation>インポートのオプション</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) and folder(s)</source>
        <translation>
            <numerusform>ファイルとフォルダー %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>from the logs or the collection&apos;s layout</source>
        <translation>ログまたはコレクションの構成から判定</translation>
    </message>
    <message>
        <source>Host of records that name none. A host named by the log itself always wins.</source>
        <translation>ホストを記載していないレコードに使うホスト。ログ自体に記載されたホストが常に優先されます。</translation>
    </message>
    <message>
        <source>Time zone of logs that keep local time without an offset (dpkg, apt)</source>
        <translation>オフセットなしのローカル時刻を記録するログ (dpkg、apt) のタイムゾーン</translation>
    </message>
    <message>
        <source>Import files the case already holds (same SHA-256) again</source>
        <translation>ケースに既に含まれているファイル (同じ SHA-256) も再度インポートする</translation>
    </message>
    <message>
        <source>Import:</source>
        <translation>インポート対象:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>タイムゾーン(&amp;T):</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>The policy is unchanged.</source>
        <translation>ポリシーは変更されていません。</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>レポートをエクスポート</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML レポート (*.html);;PDF レポート (*.pdf)</translation>
    </message>
    <message>
        <source>The time zone is used but not kept in the case: %1</source>
        <translation>タイムゾーンは使用されますが、ケースには保存されません: %1</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>About Chainscope</source>
        <translation>Chainscope について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chainscope %1&lt;/h3&gt;&lt;p&gt;Finds install → write → first run → egress chains in host logs, and says why each chain is suspicious, incomplete or approved.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chainscope %1&lt;/h3&gt;&lt;p&gt;ホストのログから「インストール → 書き込み → 初回実行 → 外向き通信」のチェーンを検出し、各チェーンが不審、不完全、承認済みのいずれであるかとその理由を示します。&lt;/p&gt;&lt;p&gt;Qt %2 でビルドされています。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The language changes at the next start of Chainscope.</source>
        <translation>言語は Chainscope の次回起動時に切り替わります。</translation>
    </message>
    <message>
        <source>%1 — Chainscope</source>
        <translation>%1 — Chainscope</translation>
    </message>
    <message>
        <source>Case Policy</source>
        <translation>ケースポリシー</translation>
    </message>
    <message>
        <source>Chains computed with policy version %1 in %2 ms</source>
        <translation>ポリシーのバージョン %1 でチェーンを %2 ミリ秒で計算しました</translation>
    </message>
    <message>
        <source>The selected chain has no stage to step to.</source>
        <translation>選択したチェーンには移動できる段階がありません。</translation>
    </message>
    <message>
        <source>nearest miss for %1</source>
        <translation>%1 の最も近い候補</translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3 at %4</source>
        <translation>段階 %1/%2: %3 (%4)</translation>
    </message>
    <message>
        <source>Layout reset.</source>
        <translation>レイアウトをリセットしました。</translation>
    </message>
    <message>
        <source>No raw record stored for event %1.</source>
        <translation>イベント %1 の生レコードは保存されていません。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>レポートを %1 に書き出しました</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>タイムゾーン: %1</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>ケースが開かれていません</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>イベント %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>ソース %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incomplete</source>
        <translation>
            <numerusform>不完全 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>correlating…</source>
        <translation>相関分析中…</translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation>
            <numerusform>チェーン %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suspicious</source>
        <translation>
            <numerusform>不審 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>policy v%1</source>
        <translation>ポリシー v%1</translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation>検証中…</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>読み取り専用</translation>
    </message>
    <message>
        <source>Verifying the case…</source>
        <translation>ケースを検証しています…</translation>
    </message>
    <message>
        <source>Verify Case</source>
        <translation>ケースを検証</translation>
    </message>
    <message>
        <source>The case could not be verified: %1</source>
        <translation>ケースを検証できませんでした: %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>インポート中…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>importing…</source>
        <translation>インポート中…</translation>
    </message>
    <message>
        <source>Reading archive %1 (hashing its files)…</source>
        <translation>アーカイブ %1 を読み取り中 (ファイルのハッシュを計算しています)…</translation>
    </message>
    <message>
        <source>importing: reading archive %1…</source>
        <translation>インポート: アーカイブ %1 を読み取り中…</translation>
    </message>
    <message>
        <source>Importing %1
file %2 of %3, %4 of %5 MB, %6 events</source>
        <translation>%1 をインポート中
ファイル %2/%3、%4/%5 MB、イベント %6 件</translation>
    </message>
    <message numerus="yes">
        <source>importing file %1 of %2, %n event(s)…</source>
        <translation>
            <numerusform>ファイル %1/%2 をインポート中、イベント %n 件…</numerusform>
        </translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>%1 をスキップしました: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n damaged or lost record(s); first: %2</source>
        <translation>
            <numerusform>%1: 破損または欠落したレコード %n 件。最初のエラー: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more skipped</source>
        <translation>
            <numerusform>ほか %n 件をスキップしました</numerusform>
        </translation>
    </message>
    <message>
        <source>Events from %1 to %2: %3 (Events tab)</source>
        <translation>%1 から %2 までのイベント: %3 (イベントタブ)</translation>
    </message>
    <message>
        <source>Toggle &amp;Bookmark…</source>
        <translation>ブックマークの切り替え(&amp;B)…</translation>
    </message>
    <message>
        <source>The triage is not kept in the case: %1</source>
        <translation>トリアージをケースに保存できません: %1</translation>
    </message>
    <message>
        <source>Export &amp;Hunt…</source>
        <translation>ハントをエクスポート(&amp;H)…</translation>
    </message>
    <message>
        <source>Hunt rules written to %1</source>
        <translation>ハントのルールを %1 に書き込みました</translation>
    </message>
    <message>
        <source>Export Chain %1 Report</source>
        <translation>チェーン %1 のレポートをエクスポート</translation>
    </message>
    <message>
        <source>PDF report (*.pdf);;HTML report (*.html)</source>
        <translation>PDF レポート (*.pdf);;HTML レポート (*.html)</translation>
    </message>
    <message>
        <source>Export C&amp;hain Report…</source>
        <translation>チェーンのレポートをエクスポート(&amp;H)…</translation>
    </message>
    <message>
        <source>Chains of policy version %1 as the case kept them from its last analysis (read in %2 ms); a policy change computes them again from every event</source>
        <translation>前回の分析で保存されたポリシー バージョン %1 のチェーンです（%2 ms で読み込み）。ポリシーを変更すると、すべてのイベントから再計算されます</translation>
    </message>
    <message>
        <source>Reading the case&apos;s events for its chains: %1 of %2</source>
        <translation>チェーンのためにケースのイベントを読み込み中: %2 件中 %1 件</translation>
    </message>
    <message>
        <source>Chains of policy version %1 as the case kept them from its last analysis (read in %2 ms); a policy change computes them again from the case&apos;s stored index</source>
        <translation>前回の分析で保存されたポリシー バージョン %1 のチェーンです（%2 ms で読み込み）。ポリシーを変更すると、ケースに保存された相関インデックスから再計算されます</translation>
    </message>
</context>
<context>
    <name>Chainscope::PackageLogReader</name>
    <message>
        <source>line longer than %1 bytes: not a package log record, skipped</source>
        <translation>%1 バイトを超える行: パッケージログのレコードではないため、スキップしました</translation>
    </message>
    <message>
        <source>package log reader used for a format it does not read</source>
        <translation>パッケージログリーダーが、読み取り対象外の形式に使用されました</translation>
    </message>
    <message>
        <source>dpkg.log: not a dpkg.log line (expected &apos;YYYY-MM-DD HH:MM:SS type …&apos;)</source>
        <translation>dpkg.log: dpkg.log の行ではありません (&apos;YYYY-MM-DD HH:MM:SS type …&apos; が必要です)</translation>
    </message>
    <message>
        <source>dpkg.log: invalid date or time</source>
        <translation>dpkg.log: 日付または時刻が無効です</translation>
    </message>
    <message>
        <source>dpkg.log: no line type after the time stamp</source>
        <translation>dpkg.log: タイムスタンプの後に行の種類がありません</translation>
    </message>
    <message>
        <source>dpkg.log: malformed &apos;%1&apos; line (expected &apos;%2&apos;)</source>
        <translation>dpkg.log: 不正な &apos;%1&apos; 行 (&apos;%2&apos; が必要です)</translation>
    </message>
    <message>
        <source>apt history: transaction without a readable Start-Date or End-Date; its %1 package(s) are not imported</source>
        <translation>apt history: 読み取り可能な Start-Date または End-Date のないトランザクション。その %1 個のパッケージはインポートされません</translation>
    </message>
    <message>
        <source>apt history: transaction without End-Date (the file ends or another Start-Date follows)</source>
        <translation>apt history: End-Date のないトランザクション (ファイルが終わっているか、別の Start-Date が続いています)</translation>
    </message>
    <message>
        <source>apt history: transaction larger than %1 packages or %2 bytes, stored as several raw records</source>
        <translation>apt history: %1 パッケージまたは %2 バイトを超えるトランザクション。複数の生レコードとして保存しました</translation>
    </message>
    <message>
        <source>apt history: unreadable Start-Date &apos;%1&apos;</source>
        <translation>apt history: 読み取れない Start-Date &apos;%1&apos;</translation>
    </message>
    <message>
        <source>apt history: &apos;%1&apos; line outside a transaction (no Start-Date before it)</source>
        <translation>apt history: トランザクション外の &apos;%1&apos; 行 (前に Start-Date がありません)</translation>
    </message>
    <message>
        <source>apt history: not a history.log line</source>
        <translation>apt history: history.log の行ではありません</translation>
    </message>
    <message>
        <source>apt history: unreadable line inside a transaction</source>
        <translation>apt history: トランザクション内の読み取れない行</translation>
    </message>
    <message>
        <source>apt history: unreadable End-Date &apos;%1&apos;</source>
        <translation>apt history: 読み取れない End-Date &apos;%1&apos;</translation>
    </message>
    <message>
        <source>apt history: unreadable package list in &apos;%1&apos; line</source>
        <translation>apt history: &apos;%1&apos; 行のパッケージリストを読み取れません</translation>
    </message>
    <message>
        <source>yum.log: not a yum.log line (expected &apos;Mon DD HH:MM:SS Action: package&apos;)</source>
        <translation>yum.log: yum.log の行ではありません (&apos;Mon DD HH:MM:SS Action: package&apos; が必要です)</translation>
    </message>
    <message>
        <source>yum.log: no such day in the assumed year %1</source>
        <translation>yum.log: 想定した年 %1 にその日付は存在しません</translation>
    </message>
    <message>
        <source>dnf log: unreadable line (binary data or invalid UTF-8)</source>
        <translation>dnf log: 読み取れない行 (バイナリデータまたは無効な UTF-8)</translation>
    </message>
    <message>
        <source>yum.log: unknown action in &apos;%1&apos;</source>
        <translation>yum.log: &apos;%1&apos; の操作が不明です</translation>
    </message>
</context>
<context>
    <name>Chainscope::Policy</name>
    <message>
        <source>unknown policy field %1</source>
        <translation>不明なポリシーフィールド %1</translation>
    </message>
    <message>
        <source>policy field %1: every entry must be a string</source>
        <translation>ポリシーフィールド %1: すべてのエントリは文字列でなければなりません</translation>
    </message>
    <message>
        <source>TimeWindow is a duration such as &quot;90m&quot;, not a list</source>
        <translation>TimeWindow は &quot;90m&quot; のような期間であり、リストではありません</translation>
    </message>
    <message>
        <source>policy field %1 must be a string or a list of strings</source>
        <translation>ポリシーフィールド %1 は文字列または文字列のリストでなければなりません</translation>
    </message>
    <message>
        <source>TimeWindow is a duration; += applies to lists only</source>
        <translation>TimeWindow は期間です。+= はリストにのみ使用できます</translation>
    </message>
    <message>
        <source>TimeWindow: &quot;%1&quot; is not a duration (examples: 90m, 4h, 2d)</source>
        <translation>TimeWindow: &quot;%1&quot; は期間ではありません (例: 90m、4h、2d)</translation>
    </message>
    <message>
        <source>unknown policy field %1 (fields: %2)</source>
        <translation>不明なポリシーフィールド %1 (フィールド: %2)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid file-name pattern (%3)</source>
        <translation>%1: &quot;%2&quot; は有効なファイル名パターンではありません (%3)</translation>
    </message>
    <message>
        <source>ApprovedUpdateHosts: &quot;%1&quot; is not a host name, *.domain suffix, IP or CIDR range</source>
        <translation>ApprovedUpdateHosts: &quot;%1&quot; はホスト名、*.domain サフィックス、IP アドレス、CIDR 範囲のいずれでもありません</translation>
    </message>
    <message>
        <source>expected KEY=VALUE or KEY+=VALUE, got &quot;%1&quot;</source>
        <translation>KEY=VALUE または KEY+=VALUE が必要ですが、&quot;%1&quot; が指定されました</translation>
    </message>
</context>
<context>
    <name>Chainscope::PolicyDialog</name>
    <message>
        <source>Time window</source>
        <translation>時間枠</translation>
    </message>
    <message>
        <source>Approved update hosts</source>
        <translation>承認済みの更新ホスト</translation>
    </message>
    <message>
        <source>Approved signers</source>
        <translation>承認済みの署名者</translation>
    </message>
    <message>
        <source>Program paths (Windows)</source>
        <translation>プログラムパス (Windows)</translation>
    </message>
    <message>
        <source>Program paths (Linux)</source>
        <translation>プログラムパス (Linux)</translation>
    </message>
    <message>
        <source>Approved repositories</source>
        <translation>承認済みのリポジトリ</translation>
    </message>
    <message>
        <source>Allowed Team IDs (macOS)</source>
        <translation>許可された Team ID (macOS)</translation>
    </message>
    <message>
        <source>Trusted Homebrew taps</source>
        <translation>信頼できる Homebrew タップ</translation>
    </message>
    <message>
        <source>Program paths (macOS)</source>
        <translation>プログラムパス (macOS)</translation>
    </message>
    <message>
        <source>Installers (Linux)</source>
        <translation>インストーラー (Linux)</translation>
    </message>
    <message>
        <source>Installers (Windows)</source>
        <translation>インストーラー (Windows)</translation>
    </message>
    <message>
        <source>Installers (macOS)</source>
        <translation>インストーラー (macOS)</translation>
    </message>
    <message>
        <source>Staging paths</source>
        <translation>ステージングパス</translation>
    </message>
    <message>
        <source>How long after the install the write, first run and egress must happen: 90m, 4h, 2d or 45s (a bare number is minutes).</source>
        <translation>インストール後、書き込み・初回実行・外向き通信が発生するまでの期限: 90m、4h、2d、45s (単位のない数値は分)。</translation>
    </message>
    <message>
        <source>Destinations that are not egress: an exact host, *.domain for its subdomains (not the bare domain), an IP address or a CIDR range.</source>
        <translation>外向き通信として扱わない宛先: 完全一致のホスト、サブドメインを表す *.domain (ドメイン自体は含まない)、IP アドレスまたは CIDR 範囲。</translation>
    </message>
    <message>
        <source>Code-signing publishers allowed for loaded modules, compared exactly but ignoring case.</source>
        <translation>読み込まれるモジュールに許可するコード署名の発行元。大文字と小文字を区別せず、完全一致で比較します。</translation>
    </message>
    <message>
        <source>Windows install locations, where %LOCALAPPDATA% and similar variables stand for every user.</source>
        <translation>Windows のインストール先。%LOCALAPPDATA% などの変数はすべてのユーザーを表します。</translation>
    </message>
    <message>
        <source>Linux install locations, as folders or globs (/opt/*), where ~ stands for any home directory.</source>
        <translation>Linux のインストール先。フォルダーまたはグロブ (/opt/*) で指定し、~ は任意のホームディレクトリを表します。</translation>
    </message>
    <message>
        <source>Repository URLs (a sources.list line or a bare URL) and GPG key fingerprints, whose hosts also count as approved update hosts.</source>
        <translation>リポジトリの URL (sources.list の行または URL のみ) と GPG 鍵のフィンガープリント。そのホストも承認済みの更新ホストとして扱われます。</translation>
    </message>
    <message>
        <source>Apple Developer Team IDs allowed for the code an install brings, exactly as Apple prints them (EQHXZ8M8AV).</source>
        <translation>インストールで持ち込まれるコードに許可する Apple Developer Team ID。Apple の表記どおりに指定します (EQHXZ8M8AV)。</translation>
    </message>
    <message>
        <source>Homebrew taps trusted as sources (user/repo, ignoring case); a bare formula comes from homebrew/core.</source>
        <translation>ソースとして信頼する Homebrew タップ (user/repo、大文字と小文字を区別しない)。タップ指定のないフォーミュラは homebrew/core からのものです。</translation>
    </message>
    <message>
        <source>macOS program locations.</source>
        <translation>macOS のプログラムの場所。</translation>
    </message>
    <message>
        <source>File-name globs of Linux installers and updaters; an entry NAME SUBCOMMAND (go install) needs that first argument.</source>
        <translation>Linux のインストーラーとアップデーターのファイル名グロブ。NAME SUBCOMMAND 形式のエントリ (go install) は、その最初の引数を必要とします。</translation>
    </message>
    <message>
        <source>File-name globs of Windows installers and updaters (*update*.exe); an entry NAME SUBCOMMAND needs that first argument.</source>
        <translation>Windows のインストーラーとアップデーターのファイル名グロブ (*update*.exe)。NAME SUBCOMMAND 形式のエントリは、その最初の引数を必要とします。</translation>
    </message>
    <message>
        <source>File-name globs of macOS installers and updaters; an entry NAME SUBCOMMAND needs that first argument.</source>
        <translation>macOS のインストーラーとアップデーターのファイル名グロブ。NAME SUBCOMMAND 形式のエントリは、その最初の引数を必要とします。</translation>
    </message>
    <message>
        <source>Where installers unpack the code they bring, so that a run from there counts even when no write was logged (Windows and Unix paths in one list).</source>
        <translation>インストーラーが持ち込んだコードを展開する場所。書き込みが記録されていなくても、そこからの実行を検出対象にします (Windows と Unix のパスを 1 つのリストで指定)。</translation>
    </message>
    <message>
        <source>Case Policy</source>
        <translation>ケースポリシー</translation>
    </message>
    <message>
        <source>one entry per line</source>
        <translation>1 行に 1 エントリ</translation>
    </message>
    <message>
        <source>Changes are stored as a new policy version and the chains are recomputed. Hover a field for what it means.</source>
        <translation>変更は新しいポリシーのバージョンとして保存され、チェーンが再計算されます。各フィールドにマウスポインターを合わせると説明が表示されます。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration such as 90m, 4h or 2d.</source>
        <translation>%1: &quot;%2&quot; は 90m、4h、2d のような期間ではありません。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is listed twice (entries %3 and %4).</source>
        <translation>%1: &quot;%2&quot; が重複しています (エントリ %3 と %4)。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Chainscope::ProcessTreeModel</name>
    <message>
        <source>(unknown image)</source>
        <translation>(不明なイメージ)</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (ほか %n 件)</numerusform>
        </translation>
    </message>
    <message>
        <source>seen from %1</source>
        <translation>%1 から観測</translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation>%2 のプロセス %1</translation>
    </message>
    <message>
        <source>Shown for context: not part of the chain.</source>
        <translation>参考として表示: チェーンの一部ではありません。</translation>
    </message>
    <message>
        <source>The process image and its process id</source>
        <translation>プロセスのイメージとプロセス ID</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>プロセス</translation>
    </message>
    <message>
        <source>The stages of the chain the process acted in</source>
        <translation>プロセスが関与したチェーンの段階</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>What the process did in the chain</source>
        <translation>チェーン内でプロセスが行ったこと</translation>
    </message>
    <message>
        <source>Role in chain</source>
        <translation>チェーン内の役割</translation>
    </message>
    <message>
        <source>Who signed the code the process ran or loaded, as logged</source>
        <translation>プロセスが実行または読み込んだコードの署名者 (記録どおり)</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>署名者</translation>
    </message>
    <message>
        <source>The signature status as logged (Valid, Unavailable, …)</source>
        <translation>記録どおりの署名の状態 (Valid、Unavailable、…)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>The code&apos;s hash; old → new when it changed since before the install</source>
        <translation>コードのハッシュ。インストール前から変わった場合は 旧 → 新</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>ハッシュ</translation>
    </message>
    <message>
        <source>Why the process is in the chain: the policy entry that approved it, or the mismatch</source>
        <translation>プロセスがチェーンに含まれる理由: 承認したポリシーエントリ、または不一致</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>When the process started, in the display time zone</source>
        <translation>プロセスの開始日時 (表示タイムゾーン)</translation>
    </message>
    <message>
        <source>Started (%1)</source>
        <translation>開始 (%1)</translation>
    </message>
    <message>
        <source>The command line as logged</source>
        <translation>記録どおりのコマンドライン</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>コマンドライン</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no signer</source>
        <translation>署名者なし</translation>
    </message>
</context>
<context>
    <name>Chainscope::RawRecordView</name>
    <message>
        <source>

[… %1 bytes (%2) not shown: the record has %3 bytes, only the first %4 are shown]</source>
        <translation>

[… %1 バイト (%2) は表示されていません: レコードは %3 バイトあり、先頭の %4 バイトのみ表示しています]</translation>
    </message>
    <message>
        <source>

[… %1 characters not shown: the record has %2 characters, only the first %3 are shown]</source>
        <translation>

[… %1 文字は表示されていません: レコードは %2 文字あり、先頭の %3 文字のみ表示しています]</translation>
    </message>
</context>
<context>
    <name>Chainscope::ReportPdf</name>
    <message>
        <source>page %1 of %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <source>generated %1 UTC</source>
        <translation>作成 %1 UTC</translation>
    </message>
    <message>
        <source>Chainscope report: %1</source>
        <translation>Chainscope レポート: %1</translation>
    </message>
</context>
<context>
    <name>Chainscope::SantaLogReader</name>
    <message>
        <source>Santa log: line longer than %1 bytes, skipped</source>
        <translation>Santa ログ: %1 バイトを超える行。スキップしました</translation>
    </message>
    <message>
        <source>Santa log: not a Santa log line (expected &apos;[time] L santad: …&apos;)</source>
        <translation>Santa ログ: Santa ログの行ではありません (&apos;[time] L santad: …&apos; が必要です)</translation>
    </message>
</context>
<context>
    <name>Chainscope::SourcesModel</name>
    <message>
        <source>… %1 ranges in all</source>
        <translation>… 全 %1 範囲</translation>
    </message>
    <message>
        <source>%1 missing sequence number(s): events may be lost there (%2)</source>
        <translation>欠番のシーケンス番号 %1 個: この範囲のイベントが欠落している可能性があります (%2)</translation>
    </message>
    <message>
        <source>comments, blank lines and records that are no evidence: not errors</source>
        <translation>コメント、空行、証拠にならないレコード: エラーではありません</translation>
    </message>
    <message>
        <source>the log&apos;s own timestamps carry their zone (or are UTC)</source>
        <translation>ログ自体のタイムスタンプにタイムゾーンが含まれています (または UTC です)</translation>
    </message>
    <message>
        <source>local timestamps of this file were read in %1</source>
        <translation>このファイルのローカルタイムスタンプは %1 として読み取りました</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 内の %1</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>完全</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完全</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>レコード</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>欠番</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>Chainscope::TimeZoneBox</name>
    <message>
        <source>&quot;%1&quot; is not a time zone Qt knows (examples: UTC, Europe/Berlin, Asia/Tokyo).</source>
        <translation>&quot;%1&quot; は Qt が認識できるタイムゾーンではありません (例: UTC、Europe/Berlin、Asia/Tokyo)。</translation>
    </message>
    <message>
        <source>%1: now UTC%2%3:%4</source>
        <translation>%1: 現在 UTC%2%3:%4</translation>
    </message>
</context>
<context>
    <name>Chainscope::TimeZoneDialog</name>
    <message>
        <source>Display Time Zone</source>
        <translation>表示タイムゾーン</translation>
    </message>
    <message>
        <source>Times are shown in this zone; the case stores them in UTC.</source>
        <translation>時刻はこのタイムゾーンで表示されます。ケースには UTC で保存されます。</translation>
    </message>
    <message>
        <source>Remembered for this case. The stored times do not change.</source>
        <translation>このケースに記憶されます。保存されている時刻は変わりません。</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>タイムゾーン(&amp;T):</translation>
    </message>
</context>
<context>
    <name>Chainscope::TimelineView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 時間</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 日 %2 時間</translation>
    </message>
    <message>
        <source>install</source>
        <translation>インストール</translation>
    </message>
    <message>
        <source>write</source>
        <translation>書き込み</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>初回実行</translation>
    </message>
    <message>
        <source>egress</source>
        <translation>外向き通信</translation>
    </message>
    <message>
        <source>package source</source>
        <translation>パッケージソース</translation>
    </message>
    <message>
        <source>module</source>
        <translation>モジュール</translation>
    </message>
    <message>
        <source>child</source>
        <translation>子プロセス</translation>
    </message>
    <message>
        <source>persistence</source>
        <translation>永続化</translation>
    </message>
    <message>
        <source>Fit to chain</source>
        <translation>チェーンに合わせる</translation>
    </message>
    <message>
        <source>Zoom the time axis to the chain&apos;s events</source>
        <translation>時間軸をチェーンのイベントに合わせてズーム</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>ズームをリセット</translation>
    </message>
    <message>
        <source>Show the chain, its window and its nearest misses</source>
        <translation>チェーン、その時間枠、最も近い候補を表示</translation>
    </message>
    <message>
        <source>time (%1)</source>
        <translation>時刻 (%1)</translation>
    </message>
    <message>
        <source>no process (package log)</source>
        <translation>プロセスなし (パッケージログ)</translation>
    </message>
    <message>
        <source>(unknown image)</source>
        <translation>(不明なイメージ)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n more processes</source>
        <translation>
            <numerusform>ほか %n 個のプロセス</numerusform>
        </translation>
    </message>
    <message>
        <source>process: %1</source>
        <translation>プロセス: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>signer: %1 (%2)</source>
        <translation>署名者: %1 (%2)</translation>
    </message>
    <message>
        <source>hash: %1</source>
        <translation>ハッシュ: %1</translation>
    </message>
    <message>
        <source>late %1</source>
        <translation>遅延した%1</translation>
    </message>
    <message>
        <source>nearest miss of the missing %1 stage, %2 after the install</source>
        <translation>欠落している段階「%1」の最も近い候補。インストールの %2 後</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>フラグ付き</translation>
    </message>
    <message>
        <source>nearest miss</source>
        <translation>最も近い候補</translation>
    </message>
    <message>
        <source>late event</source>
        <translation>遅延イベント</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>時間枠 %1</translation>
    </message>
    <message>
        <source>%1 +%2; window %3</source>
        <translation>%1 +%2。時間枠 %3</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 省略</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more here; zoom in to tell them apart</source>
        <translation>
            <numerusform>… ほか %n 件がここにあります。ズームインすると区別できます</numerusform>
        </translation>
    </message>
    <message>
        <source>flagged: %1</source>
        <translation>フラグ: %1</translation>
    </message>
</context>
<context>
    <name>Chainscope::UnifiedLogReader</name>
    <message>
        <source>unified log: %1</source>
        <translation>Unified Log: %1</translation>
    </message>
    <message>
        <source>unified log: entry without a timestamp</source>
        <translation>Unified Log: タイムスタンプのないエントリ</translation>
    </message>
    <message>
        <source>unified log: unreadable timestamp &apos;%1&apos;</source>
        <translation>Unified Log: 読み取れないタイムスタンプ &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>Chainscope::VerificationDialog</name>
    <message>
        <source>Verify Case</source>
        <translation>ケースを検証</translation>
    </message>
    <message>
        <source>Case %1, verified %2 UTC</source>
        <translation>ケース %1、検証日時 %2 UTC</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>検査</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Pages and indexes (SQLite integrity_check)</source>
        <translation>ページとインデックス (SQLite integrity_check)</translation>
    </message>
    <message>
        <source>could not finish: %1</source>
        <translation>完了できませんでした: %1</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>問題 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Raw records against their import hashes</source>
        <translation>生レコードとインポート時のハッシュの照合</translation>
    </message>
    <message>
        <source>%1 intact, %2 changed or damaged, %3 not checked (stored before hashing)</source>
        <translation>完全 %1 件、変更または破損 %2 件、未検査 %3 件 (ハッシュ記録前に保存)</translation>
    </message>
    <message>
        <source>check</source>
        <translation>検査</translation>
    </message>
    <message>
        <source>raw record %1 (source %2)</source>
        <translation>生レコード %1 (ソース %2)</translation>
    </message>
    <message>
        <source>SHA-256 differs</source>
        <translation>SHA-256 が一致しません</translation>
    </message>
    <message>
        <source>damaged, cannot be decoded</source>
        <translation>破損しているため、デコードできません</translation>
    </message>
    <message>
        <source>no events</source>
        <translation>イベントなし</translation>
    </message>
    <message>
        <source>events %1</source>
        <translation>イベント %1</translation>
    </message>
    <message>
        <source>Source files against their recorded SHA-256</source>
        <translation>ソースファイルと記録された SHA-256 の照合</translation>
    </message>
    <message>
        <source>%1 intact of %2</source>
        <translation>%2 件中 %1 件が完全</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完全</translation>
    </message>
    <message>
        <source>CHANGED: now %1</source>
        <translation>変更あり: 現在 %1</translation>
    </message>
    <message>
        <source>not at its recorded path (not checked)</source>
        <translation>記録されたパスにありません (未検査)</translation>
    </message>
    <message>
        <source>unreadable (not checked): %1</source>
        <translation>読み取れません (未検査): %1</translation>
    </message>
    <message>
        <source>no recorded SHA-256 (not checked)</source>
        <translation>SHA-256 の記録なし (未検査)</translation>
    </message>
    <message>
        <source>source %1: %2</source>
        <translation>ソース %1: %2</translation>
    </message>
    <message>
        <source>The result could not be recorded in the case: %1</source>
        <translation>結果をケースに記録できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>EvtxReader</name>
    <message>
        <source>chunk at offset %1 has no chunk signature; skipped</source>
        <translation>オフセット %1 のチャンクにチャンクシグネチャがありません。スキップしました</translation>
    </message>
    <message>
        <source>chunk at offset %1: header checksum mismatch; records checked one by one</source>
        <translation>オフセット %1 のチャンク: ヘッダーのチェックサムが一致しません。レコードを 1 件ずつ検査します</translation>
    </message>
    <message>
        <source>chunk at offset %1: record data checksum mismatch; records checked one by one</source>
        <translation>オフセット %1 のチャンク: レコードデータのチェックサムが一致しません。レコードを 1 件ずつ検査します</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from offset %1 belong to another chunk (ids outside %2–%3); skipped</source>
        <translation>
            <numerusform>オフセット %1 からの %n 件のレコードは別のチャンクに属しています (ID が %2–%3 の範囲外)。スキップしました</numerusform>
        </translation>
    </message>
    <message>
        <source>record at offset %1: invalid record size %2</source>
        <translation>オフセット %1 のレコード: 無効なレコードサイズ %2</translation>
    </message>
    <message>
        <source>damaged data at offset %1 (no record signature)</source>
        <translation>オフセット %1 のデータが破損しています (レコードシグネチャがありません)</translation>
    </message>
    <message>
        <source>record %1 at offset %2 is incomplete (its end is missing); imported what it holds</source>
        <translation>オフセット %2 のレコード %1 は不完全です (末尾が欠けています)。含まれている内容をインポートしました</translation>
    </message>
    <message>
        <source>record %1 at offset %2 is incomplete and its content unreadable (%3); kept its id and time</source>
        <translation>オフセット %2 のレコード %1 は不完全で、内容を読み取れません (%3)。ID と時刻は保持しました</translation>
    </message>
    <message>
        <source>record %1 at offset %2: %3</source>
        <translation>オフセット %2 のレコード %1: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) listed by the chunk header at offset %1 are missing (overwritten or zeroed)</source>
        <translation>
            <numerusform>オフセット %1 のチャンクヘッダーに記載された %n 件のレコードがありません (上書きまたはゼロ埋め)</numerusform>
        </translation>
    </message>
    <message>
        <source>not an EVTX chunk</source>
        <translation>EVTX チャンクではありません</translation>
    </message>
    <message>
        <source>record offset %1 lies in the file header</source>
        <translation>レコードのオフセット %1 がファイルヘッダー内にあります</translation>
    </message>
    <message>
        <source>no record at offset %1 of its chunk</source>
        <translation>チャンクのオフセット %1 にレコードがありません</translation>
    </message>
    <message>
        <source>file too short for an EVTX header (%1 bytes)</source>
        <translation>EVTX ヘッダーにはファイルが短すぎます (%1 バイト)</translation>
    </message>
    <message>
        <source>file header checksum mismatch; reading every chunk</source>
        <translation>ファイルヘッダーのチェックサムが一致しません。すべてのチャンクを読み取ります</translation>
    </message>
    <message>
        <source>file header has no EVTX signature; reading every chunk</source>
        <translation>ファイルヘッダーに EVTX シグネチャがありません。すべてのチャンクを読み取ります</translation>
    </message>
    <message>
        <source>truncated data at the end of the file (%1 bytes)</source>
        <translation>ファイル末尾のデータが途中で切れています (%1 バイト)</translation>
    </message>
    <message>
        <source>chunk %1 at offset %2 has no chunk signature; skipped</source>
        <translation>オフセット %2 のチャンク %1 にチャンクシグネチャがありません。スキップしました</translation>
    </message>
    <message>
        <source>record %1 promised by the file header is missing (file cut or zeroed)</source>
        <translation>ファイルヘッダーが示すレコード %1 がありません (ファイルが切り詰められたか、ゼロ埋めされています)</translation>
    </message>
    <message>
        <source>records %1-%2 promised by the file header are missing (file cut or zeroed)</source>
        <translation>ファイルヘッダーが示すレコード %1-%2 がありません (ファイルが切り詰められたか、ゼロ埋めされています)</translation>
    </message>
    <message>
        <source>&lt;!-- The stored EVTX chunk could not be rendered: %1 --&gt;</source>
        <translation>&lt;!-- 保存されている EVTX チャンクを表示できませんでした: %1 --&gt;</translation>
    </message>
</context>
<context>
    <name>WinXmlReader</name>
    <message>
        <source>not an &lt;Event&gt; element</source>
        <translation>&lt;Event&gt; 要素ではありません</translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (%2 行目、%3 列目)</translation>
    </message>
    <message>
        <source>no &lt;Event&gt; element</source>
        <translation>&lt;Event&gt; 要素がありません</translation>
    </message>
    <message>
        <source>event at offset %1 is larger than %2 bytes; skipped</source>
        <translation>オフセット %1 のイベントが %2 バイトを超えています。スキップしました</translation>
    </message>
    <message>
        <source>event at offset %1 is not valid %2 text; skipped</source>
        <translation>オフセット %1 のイベントは有効な %2 テキストではありません。スキップしました</translation>
    </message>
    <message>
        <source>event at offset %1: %2; skipped</source>
        <translation>オフセット %1 のイベント: %2。スキップしました</translation>
    </message>
    <message>
        <source>unexpected content at offset %1 outside an event; skipped to the next event</source>
        <translation>オフセット %1 にイベント外の予期しない内容があります。次のイベントまでスキップしました</translation>
    </message>
    <message>
        <source>event at offset %1 is cut off: the input ends before its end tag</source>
        <translation>オフセット %1 のイベントが途中で切れています: 終了タグの前に入力が終わっています</translation>
    </message>
    <message>
        <source>event at offset %1 has no end tag before the next event at offset %2; skipped</source>
        <translation>オフセット %1 のイベントに、オフセット %2 の次のイベントより前の終了タグがありません。スキップしました</translation>
    </message>
</context>
</TS>
