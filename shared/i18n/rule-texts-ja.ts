/**
 * Japanese texts for every finding, keyed by rule id: a short title and a plain message (what is
 * wrong, then one next step). `{param}` placeholders are filled as plain text. Written for staff
 * who are not IT people: short sentences, no jargon without a word of explanation.
 */
import type { RuleTexts } from './types';

export const RULE_TEXTS_JA: RuleTexts = {
  // links
  'link-text-mismatch': {
    title: '表示と違う行き先のリンク',
    message: 'リンクの文字は「{shown}」ですが、実際の行き先は {domain} です。リンクを開かず、管理者に相談してください。',
  },
  'link-lookalike-domain': {
    title: '本物に似せた偽のドメイン',
    message: 'リンク先の {domain} は「{brand}」の本物のドメイン（{imitated}）に似せたものです。開かずに管理者に相談してください。',
  },
  'link-idn-homograph': {
    title: '見分けにくい文字を使ったドメイン',
    message: 'リンク先 {shown} には、見た目が同じでも別の文字が混ざっています。偽サイトの可能性が高いので開かないでください。',
  },
  'link-ip-host': {
    title: '数字だけの行き先（IPアドレス）',
    message: 'リンク先が名前ではなく数字（{domain}）になっています。正規の会社はふつう使いません。開く前に管理者に相談してください。',
  },
  'link-userinfo': {
    title: '行き先をごまかしたリンク',
    message: 'リンクの先頭に「{shown}」と書かれていますが、実際には {domain} へ移動します。開かずに管理者に相談してください。',
  },
  'link-redirect-cloak': {
    title: '有名サイトを経由するリンク',
    message: 'このリンクは {front} を通って {domain} へ移動します。有名な名前で本当の行き先を隠す手口です。ほかにも気になる点があれば、開かないでください。',
  },
  'link-shortener': {
    title: '短縮URL',
    message: '短縮URL（{domain}）は、本当の行き先が見えません。ほかにも気になる点があれば、開かないでください。',
  },
  'link-dangerous-scheme': {
    title: 'プログラムを動かすリンク',
    message: 'このリンク（{scheme}）はWebページではなく、パソコン上で命令を実行します。クリックせず、管理者に相談してください。',
  },
  'link-executable-download': {
    title: 'ファイルを直接ダウンロードするリンク',
    message: 'リンクを開くとファイル「{file}」がダウンロードされます。開かずに、送り主に電話などで確認するか管理者に相談してください。',
  },
  'link-shared-archive': {
    title: 'フリーメールから共有された圧縮ファイルやプログラム',
    message: 'フリーメールの差出人が、ファイル共有サービス（{domain}）で「{file}」を共有しています。ウイルスがこの方法で届くことがあります。開かずに、電話など別の方法で差出人に確認してください。',
  },
  'link-free-hosting': {
    title: '誰でも作れるサイトへのリンク',
    message: 'リンク先の {domain} は、誰でも無料でページを作れるサービスです。ログインや入力を求められても応じないでください。',
  },
  'link-credential-lure': {
    title: 'ログインや確認を急がせるリンク',
    message: '「{text}」のリンクからパスワードなどを入力させようとしています。行き先 {domain} は送り主のものではありません。開かずに管理者に相談してください。',
  },
  'link-insecure-login': {
    title: '暗号化されていないログインページ',
    message: 'ログイン用に見えるリンク先 {domain} が暗号化されていません（http）。パスワードを入力しないでください。',
  },
  'link-blocked-domain': {
    title: '禁止されている行き先',
    message: 'リンク先の {domain} は、病院のIT担当が禁止しているドメインです。開かないでください。',
  },
  'link-unparseable': {
    title: '行き先を判断できないリンク',
    message: 'リンク「{url}」は形がおかしく、どこへ移動するか判断できません。開かずに管理者に相談してください。',
  },
  'link-obfuscated-url': {
    title: '文字を細工したリンク',
    message: 'リンクの書き方に細工（{tricks}）があり、実際には {domain} へ移動します。開かずに管理者に相談してください。',
  },
  'link-brand-mismatch': {
    title: '名前と違う会社へのリンク',
    message: 'リンクには「{brand}」と書かれていますが、行き先の {domain} は{brand}のものではありません。開かずに、公式サイトやアプリから確認してください。',
  },
  'link-recipient-embedded': {
    title: 'あなたのアドレス入りのリンク',
    message: 'リンクにあなたのメールアドレスが埋め込まれています。入力画面を本物らしく見せる手口に使われます。開いた先でパスワードなどを入力しないでください。',
  },
  'body-html-form': {
    title: 'メールの中の入力フォーム',
    message: 'メール本文に入力欄があります。正規の会社はメールで情報を集めません。何も入力せず、管理者に相談してください。',
  },
  // attachments
  'attachment-executable': {
    title: '実行ファイルの添付',
    message: '添付「{file}」はプログラムです。開くとパソコンで動きます。絶対に開かず、管理者に相談してください。',
  },
  'attachment-script': {
    title: 'スクリプトの添付',
    message: '添付「{file}」はダブルクリックで命令を実行するファイルです。開かずに管理者に相談してください。',
  },
  'attachment-shortcut': {
    title: 'ショートカットの添付',
    message: '添付「{file}」はショートカットで、文書に見せかけてプログラムを動かせます。開かずに管理者に相談してください。',
  },
  'attachment-disk-image': {
    title: 'ディスクイメージの添付',
    message: '添付「{file}」はディスクイメージ（ISOなど）で、ウイルスを隠すのに使われます。開かずに管理者に相談してください。',
  },
  'attachment-onenote': {
    title: 'OneNoteファイルの添付',
    message: '添付「{file}」はOneNoteファイルで、中にプログラムを隠す攻撃に使われました。開かずに管理者に相談してください。',
  },
  'attachment-html': {
    title: 'Webページの添付',
    message: '添付「{file}」はWebページです。開くと偽のログイン画面が出ることがあります。開かずに管理者に相談してください。',
  },
  'attachment-svg': {
    title: 'SVG画像の添付',
    message: '添付「{file}」はSVG形式で、画像に見えてもリンクや命令を含められます。開かずに管理者に相談してください。',
  },
  'attachment-macro-office': {
    title: 'マクロ付きのOfficeファイル',
    message: '添付「{file}」はマクロ（自動で動く命令）を含められるOfficeファイルです。「コンテンツの有効化」は押さず、管理者に相談してください。',
  },
  'attachment-double-extension': {
    title: '拡張子を偽った添付',
    message: '添付「{file}」は文書に見せかけたプログラムです（拡張子が二重）。開かずに管理者に相談してください。',
  },
  'attachment-bidi-control': {
    title: 'ファイル名を逆向きに見せる細工',
    message: '添付「{name}」のファイル名には、文字の向きを入れ替える特殊文字が入っています。本当の種類を隠す手口です。開かないでください。',
  },
  'attachment-padded-name': {
    title: '空白で拡張子を隠した添付',
    message: '添付「{file}」は、空白などで本当の拡張子を見えなくしています。開かずに管理者に相談してください。',
  },
  'attachment-encrypted-archive': {
    title: 'パスワード付きZIP',
    message: '添付「{name}」はパスワード付きで、ウイルス検査ができません。送り主に電話などで確認してから、管理者に相談してください。',
  },
  'attachment-archive-from-stranger': {
    title: '外部からの圧縮ファイル',
    message: '外部から圧縮ファイル「{name}」が届きました。心当たりがなければ開かずに管理者に相談してください。',
  },
  'attachment-calendar': {
    title: '外部からの予定表ファイル',
    message: '外部から予定表ファイル「{name}」が届きました。中のリンクは開く前に確認してください。',
  },
  'attachment-attached-message': {
    title: 'メールの中のメール',
    message: '添付「{name}」は別のメールです。中のリンクや添付も同じように注意してください。',
  },
  // sender and headers
  'sender-auth-fail': {
    title: '送信元の確認に失敗',
    message: 'このメールが本当に {domain} から送られたものか、受信サーバーの検査（{check}）で確かめられませんでした。なりすましの可能性があります。リンクや添付を開かず、管理者に相談してください。',
  },
  'sender-display-name-address': {
    title: '名前欄に別のアドレス',
    message: '差出人の名前欄に「{shown}」と書かれていますが、実際の送信元は {address} です。名前ではなくアドレスで判断してください。',
  },
  'sender-impersonates-org': {
    title: '院内を装ったメール',
    message: '差出人は「{org}」を名乗っていますが、院内から送られたものではありません。返信やリンクは開かず、管理者に相談してください。',
  },
  'sender-freemail-official': {
    title: 'フリーメールからの公式を名乗るメール',
    message: '差出人は「{claim}」を名乗っていますが、誰でも作れるフリーメール（{domain}）から送られています。電話など別の方法で確認してください。',
  },
  'sender-lookalike-domain': {
    title: '本物に似せた送信元ドメイン',
    message: '送信元 {domain} は「{brand}」の本物のドメイン（{imitated}）に似せたものです。リンクや添付を開かず、管理者に相談してください。',
  },
  'sender-reply-to-mismatch': {
    title: '返信先が別のアドレス',
    message: '返信すると差出人ではなく {replyTo} に届きます。お金や個人情報の話なら、返信せず電話で確認してください。',
  },
  'sender-external': {
    title: '外部からのメール',
    message: 'このメールは院外（{domain}）から届きました。',
  },
  'sender-brand-mismatch': {
    title: '名乗りと送信元が違う',
    message: '差出人は「{brand}」を名乗っていますが、送信元のドメイン {domain} は{brand}のものではありません。リンクを開かず、管理者に相談してください。',
  },
  'sender-blocked-domain': {
    title: '禁止されている送信元',
    message: '送信元 {domain} は、病院のIT担当が禁止しているドメインです。リンクや添付を開かないでください。',
  },
  'sender-address-malformed': {
    title: '差出人アドレスが不正',
    message: '差出人のアドレス（{address}）が正しい形ではありません。正規のメールではほとんどありません。リンクや添付は開かないでください。',
  },
  'sender-unauthenticated': {
    title: '送信元を確かめられないメール',
    message: 'このメールには、送信元が本物だと確かめられる記録（SPF・DKIM）がありません。ほかにも気になる点があれば、リンクや添付を開かないでください。',
  },
  'sender-unusual-domain': {
    title: '使い捨てによく使われるドメイン',
    message: '送信元 {domain} は、詐欺メールでよく使われる種類のドメイン（{reason}）です。心当たりがなければリンクを開かないでください。',
  },
  'link-unusual-domain': {
    title: '詐欺サイトによく使われるドメインへのリンク',
    message: 'リンク先 {domain} は、詐欺サイトでよく使われる種類のドメイン（{reason}）です。ログインや入力はしないでください。',
  },
  'subject-brand-mismatch': {
    title: '件名の会社名と送信元が違う',
    message: '件名に「{brand}」とありますが、送信元 {domain} は{brand}のものではありません。リンクは開かず、公式サイトやアプリで確認してください。',
  },
  'subject-disguised-letters': {
    title: '特殊な文字で書かれた件名・名前',
    message: '件名や差出人名が、普通の文字に似せた特殊な文字（「{text}」）で書かれています。迷惑メール対策をすり抜ける手口です。リンクや添付は開かないでください。',
  },
  'subject-random-token': {
    title: '件名に無意味な文字列',
    message: '件名に意味のない文字列（{token}）が付いています。大量に送られる迷惑メールによくある形です。ほかにも気になる点があれば、開かないでください。',
  },
  'sender-random-address': {
    title: '機械的に作られたような送信元',
    message: '送信元のアドレス（{part}）は意味のない文字の並びです。使い捨てのアドレスによくある形です。心当たりがなければ、リンクや添付を開かないでください。',
  },
  'sender-name-number': {
    title: '差出人名に長い番号',
    message: '差出人の名前に長い番号（{number}）が入っています。大量に送られる詐欺メールによくある形です。ほかにも気になる点があれば、開かないでください。',
  },
  'sender-name-emoji': {
    title: '絵文字で飾った差出人名',
    message: '差出人名（{name}）が絵文字で飾られています。宣伝や詐欺のメールによくある形です。ほかにも気になる点があれば、開かないでください。',
  },
  'sender-name-unrelated': {
    title: '差出人名とアドレスが無関係',
    message: '差出人名「{name}」は、送信元アドレス（{address}）ともリンク先とも関係がありません。名前ではなくアドレスで判断してください。',
  },
  'subject-fake-reply': {
    title: '返信を装った件名',
    message: '件名は「{subject}」で返信や転送に見えますが、元のやり取りの記録がありません。以前のやり取りを装う手口です。心当たりがなければ、リンクや添付を開かないでください。',
  },
  'recipient-address-in-text': {
    title: 'あなたのアドレスを名前代わりに使用',
    message: '件名や書き出しに、あなたの名前ではなくメールアドレス（{address}）が使われています。一斉に送られた詐欺メールによくある形です。リンクや添付は開かないでください。',
  },
  // body
  'body-urgency-lure': {
    title: '急がせる・不安にさせる言葉',
    message: '「{phrase}」のように急がせる言葉があります。慌てて操作せず、公式サイトや電話で確かめてください。',
  },
  'body-credential-request': {
    title: 'パスワードやカード情報の要求',
    message: 'メールで「{phrase}」などの入力を求めています。正規の会社はメールで求めません。入力せず、管理者に相談してください。',
  },
  'body-enable-content': {
    title: '「コンテンツの有効化」を求める指示',
    message: '「{phrase}」を求めています。ウイルス（Emotetなど）を動かす典型的な手口です。添付を開かず、管理者に相談してください。',
  },
  'body-archive-password': {
    title: '本文に圧縮ファイルのパスワード',
    message: '本文に圧縮ファイルのパスワードが書かれています。ウイルス検査をすり抜ける手口にも使われます。送り主に電話で確認してください。',
  },
  'body-callback-lure': {
    title: '電話をかけさせる請求メール',
    message: '身に覚えのない請求などで、電話番号（{phone}）へ電話させようとしています。この番号にはかけず、管理者に相談してください。',
  },
  'body-spam-topic': {
    title: '迷惑メールによくある話題',
    message: '「{phrase}」など、迷惑メールによくある話題（ギャンブル、出会い、もうけ話など）が含まれています。リンクは開かないでください。',
  },
  'body-html-only': {
    title: '装飾（HTML）だけのメール',
    message: 'このメールは、文字だけの版がなく装飾（HTML）の形だけで届いています。これだけでは問題ありません。ほかの点と合わせて判断してください。',
  },
  'body-little-text': {
    title: '文字がほとんどないメール',
    message: '本文に文字がほとんどなく、画像やボタンとリンクだけです。内容を確かめられないメールのリンクは開かないでください。',
  },
  'body-prize-lure': {
    title: '当選・プレゼントの誘い',
    message: '「{phrase}」など、当選や特典で誘う言葉があります。個人情報やカード情報は入力しないでください。',
  },
  'body-invisible-text': {
    title: '見えない文字が多い本文',
    message: '本文に見えない文字が {count} 個あります。迷惑メール対策をすり抜けるために使われます。ほかにも気になる点があれば、開かないでください。',
  },
  'body-fake-share': {
    title: '共有の知らせに見せかけたリンク',
    message: '「ファイルを共有しました」という知らせですが、リンク先 {domain} は共有サービスではありません。開いた先でパスワードを入力せず、送り主に電話などで確認してください。',
  },
  'body-brand-threat': {
    title: '本文だけでブランドを名乗る警告',
    message: '本文で「{brand}」の名前を出してアカウントの停止などを警告していますが、差出人（{domain}）は{brand}と関係がありません。リンクは開かず、公式アプリや公式サイトから確認してください。',
  },
  'body-bec-request': {
    title: 'お金や振込先の話',
    message: '「{phrase}」など、お金・振込先・ギフトカード・LINEグループなどを求める話があります。上司や取引先を名乗っていても、必ず電話など別の方法で本人に確認してください。',
  },
  // scanner and CLI
  'signals-combined': {
    title: '気になる点が重なっています',
    message: '一つ一つは小さな点ですが、いくつも重なっています（{reasons}）。リンクや添付を開く前に、管理者に相談してください。',
  },
  'message-incomplete': {
    title: 'メールの一部を確認できません',
    message: 'メールの一部（{parts}）を読み取れなかったため、確認が完全ではありません。心当たりがなければ管理者に相談してください。',
  },
  'scan-truncated': {
    title: '大きなメールの一部だけ確認',
    message: 'メールがとても大きいため、一部（{parts}）だけを確認しました。',
  },
  'scan-error': {
    title: '確認の途中で問題が発生',
    message: '確認の一部（{check}）を実行できませんでした。心当たりがなければ管理者に相談してください。',
  },
  'parse-error': {
    title: 'メールを読み取れません',
    message: 'このメールファイルを読み取れませんでした（{reason}）。開かずに管理者に相談してください。',
  },
};
