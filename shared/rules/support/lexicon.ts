/**
 * Phrases that lures are made of, by theme, in Japanese first and in the other languages
 * phishing arrives in (English, Portuguese, German, French, Spanish, Dutch, Italian). Each
 * theme alone is weak evidence — legitimate notices use 【重要】 and "invoice" too — so rules
 * combine themes with structural signals. Matching is literal (Aho–Corasick) on NFKC-lower-cased
 * text; Latin phrases match whole words only.
 */
import { createTermMatcher, type TermMatcher } from '../../scan/term-matcher';

export type LureTheme =
  | 'urgency'
  | 'account-threat'
  | 'credential-request'
  | 'credential-word'
  | 'prize'
  | 'payment'
  | 'delivery'
  | 'enable-content'
  | 'archive-password'
  | 'callback'
  | 'official'
  | 'bec'
  | 'spam-topic';

const THEMES: Record<LureTheme, string[]> = {
  urgency: [
    '至急', '大至急', '緊急', '本日中', '24時間以内', '48時間以内', '72時間以内', '早急に', '直ちに', 'ただちに', '期限切れ',
    '有効期限が切れ', '期限が過ぎ', '最終通知', '最終警告', '最終のご案内', '今すぐ', 'すぐに',
    'urgent', 'urgently', 'immediately', 'immediate action', 'action required', 'update required', 'within 24 hours', 'within 48 hours', 'within 24hrs',
    'final notice', 'last notice', 'final warning', 'last warning', 'last chance', 'expires today', 'expire today', 'will expire',
    'has expired', 'will be suspended', 'will be closed', 'will be deleted', 'will be terminated', 'will be permanently',
    'urgente', 'imediatamente', 'último aviso', 'ultimo aviso', 'prazo final', 'última chance', 'ultima chance',
    'dringend', 'sofort', 'letzte mahnung', 'letzte chance', 'letzte erinnerung', 'das letzte mal', 'immédiatement', 'dernier avis',
    'dernière chance', 'inmediatamente', 'última oportunidad', 'laatste kans', 'laatste herinnering', 'ultima possibilità',
  ],
  'account-threat': [
    'アカウントが停止', 'アカウントを停止', 'アカウントの停止', 'アカウントがロック', 'アカウントをロック', '利用を制限', '利用制限', 'ご利用を一時停止',
    '一時停止', '凍結', 'ロックされ', '不正アクセス', '不正ログイン', '不審なログイン', '不正利用', '第三者による', 'セキュリティ上の理由',
    '異常なログイン', '不審なアクセス', '異常なアクセス', '一時的に制限', 'アカウントを一時的', 'サービスの停止', '利用停止', '解約される', '無効になります', '削除されます', '見慣れない端末', '心当たりのないログイン', 'パスワードの有効期限',
    'login attempt', 'sign-in attempt', 'signin attempt', 'unfamiliar device', 'unrecognized device', 'unrecognised device',
    'account has been suspended', 'account suspended', 'been suspended', 'temporarily suspended', 'temporarily stopped', 'account has been locked', 'account locked', 'account will be',
    'unusual sign-in', 'unusual signin', 'unusual activity', 'suspicious activity', 'suspicious login', 'unauthorized access',
    'unauthorized login', 'unauthorised', 'security alert', 'limited access', 'account limitation', 'temporarily restricted',
    'been restricted', 'been compromised', 'deactivated', 'will be deactivated', 'mailbox is full', 'storage is full',
    'storage full', 'quota', 'your files will be deleted', 'password expires', 'password will expire', 'password expired',
    'conta bloqueada', 'conta suspensa', 'conta foi bloqueada', 'atividade suspeita', 'acesso não autorizado', 'bloqueio',
    'konto gesperrt', 'konto wurde gesperrt', 'verdächtige aktivität', 'ungewöhnliche aktivität', 'gesperrt',
    'compte suspendu', 'compte bloqué', 'activité suspecte', 'activité inhabituelle', 'activités inhabituelles',
    'connexion inhabituelle', 'connexions inhabituelles', 'connexion suspecte', 'cuenta suspendida', 'cuenta bloqueada',
    'actividad sospechosa', 'account geblokkeerd', 'verdachte activiteit', 'account sospeso',
  ],
  'credential-request': [
    'パスワードを入力', 'パスワードをご入力', 'パスワードの再設定', 'パスワードを更新', '暗証番号', 'セキュリティコード', 'カード番号を',
    '本人確認', 'ご本人様確認', 'お客様情報の確認', 'お客様情報を確認', '登録情報の確認', '登録情報を確認', 'ご登録情報', '情報を更新',
    'お支払い情報の更新', 'お支払い方法の更新', '支払い情報を更新', 'ログインして確認', 'ログインしてご確認', 'ログインの上',
    'verify your account', 'verify your identity', 'confirm your identity', 'confirm your account', 'verify your email',
    'verify your information', 'update your payment', 'update your billing', 'update your account', 'update your information',
    'confirm your details', 'confirm your information', 'validate your', 'reactivate your', 're-activate your',
    'enter your password', 'enter your credentials', 'login credentials', 'credit card number', 'card details',
    'security code', 'social security number', 'sign in to your account', 'log in to your account', 'login to your account',
    'restore your account', 'unlock your account', 'confirme seus dados', 'atualize seus dados', 'atualizar seus dados',
    'confirmar seus dados', 'dados cadastrais', 'bestätigen sie ihre', 'aktualisieren sie ihre', 'verifizieren sie ihre',
    'confirmer votre', 'vérifier votre', 'mettre à jour vos', 'verifique su', 'confirme su', 'actualice su', 'bevestig uw',
    'verifieer uw',
  ],
  'credential-word': [
    'パスワード', 'ログイン', 'サインイン', 'アカウント', 'password', 'sign in', 'log in', 'login', 'account', 'senha', 'passwort',
    'kennwort', 'mot de passe', 'contraseña', 'wachtwoord',
  ],
  prize: [
    '当選', '景品', '賞品', '賞金', '懸賞', 'ギフト券', 'ギフトカード', '特別なプレゼント',
    'プレゼントが届', '受け取る権利', '無料プレゼント', '選ばれました',
    'you have won', "you've won", 'you won', 'winner', 'congratulations', 'gift card', 'giftcard', 'claim your', 'free gift',
    'jackpot', 'lottery', 'inheritance', 'beneficiary', 'free spins', 'sweepstakes', 'you have been selected',
    "you've been selected", 'been chosen', 'reward', 'rewards', 'prize', 'cash prize', 'loyalty program',
    'gewonnen', 'gewinner', 'gutschein', 'glückwunsch', 'glückwünsche', 'ausgewählt', 'freispiele', 'belohnung', 'prämie',
    'parabéns', 'prêmio', 'premio', 'ganhou', 'ganhador', 'sorteio', 'brinde', 'selecionado', 'selecionada', 'resgatar',
    'recompensa', 'gagné', 'gagnant', 'félicitations', 'cadeau', 'récompense', 'sélectionné', 'ganador', 'felicidades',
    'regalo', 'gefeliciteerd', 'beloning', 'vincitore', 'congratulazioni',
  ],
  payment: [
    '請求', '未払い', '未納', 'お支払い', '支払い', '引き落とし', '決済', '料金', '延滞', '督促', '滞納', '返金', '還付', '振込',
    'invoice', 'payment', 'overdue', 'unpaid', 'outstanding balance', 'refund', 'billing', 'subscription', 'renewal',
    'auto-renewal', 'charged', 'transaction', 'purchase', 'order', 'fatura', 'boleto', 'pagamento', 'pendente', 'débito',
    'pendência', 'rechnung', 'zahlung', 'mahnung', 'abonnement', 'facture', 'paiement', 'factura', 'pago', 'betaling', 'fattura',
  ],
  delivery: [
    '不在', 'お荷物', '配達', '再配達', '配送', '住所不明', '宛先不明', '保管期限', '荷物', 'お届け',
    'delivery', 'package', 'parcel', 'shipment', 'tracking number', 'customs fee', 'redelivery', 'delivery attempt',
    'encomenda', 'entrega', 'pacote', 'rastreamento', 'taxa alfandegária', 'paket', 'sendung', 'zustellung', 'lieferung',
    'colis', 'livraison', 'pakket', 'bezorging', 'zending', 'paquete', 'envío', 'pacco', 'spedizione',
  ],
  'enable-content': [
    'コンテンツの有効化', 'コンテンツを有効', '編集を有効にする', '編集を有効', 'マクロを有効', '信頼できる場所', '保護ビュー',
    'enable content', 'enable editing', 'enable macros', 'enable macro', 'trusted location', 'protected view',
  ],
  'archive-password': [
    '解凍パスワード', '解凍用パスワード', '解凍用のパスワード', 'zipパスワード', 'zipファイルのパスワード', '添付ファイルのパスワード',
    'パスワードは', 'パスワード:', 'パスワードを別', '別途パスワード', 'パスワードをお送り', 'パスワードを送付', '開封パスワード',
    'password for the attachment', 'password for the file', 'the password is', 'archive password', 'zip password',
    'password to open', 'password:', 'senha do arquivo', 'senha:', 'passwort:', 'mot de passe:',
  ],
  callback: [
    'お電話ください', 'お電話にて', 'までお電話', 'ご連絡ください', 'call us', 'call our', 'call the number', 'call now', 'call immediately',
    'call at', 'contact our support', 'toll free', 'toll-free', 'customer support number', 'helpline', 'please call',
    'give us a call', 'call back', 'billing department', 'support team at', 'cancel your subscription', 'to cancel',
    'did not authorize', "didn't authorize", 'not authorized this', 'ligue para', 'rufen sie', 'appelez',
  ],
  official: [
    '厚生労働省', '厚労省', '保健所', '病院', '医院', 'クリニック', '医療センター', '市役所', '区役所', '県庁', '都庁', '府庁', '町役場',
    '税務署', '国税庁', '年金機構', '警察', '銀行', '信用金庫', 'カード会社', '事務局', '総務課', '医事課', '医師会', '官公庁',
    '市民課', '消防', '裁判所', '法務局', '協会けんぽ', '健康保険組合', '警視庁', '県警', '府警', '道警', '検察', '入国管理局', '出入国在留管理庁',
    'ministry', 'government', 'department of', 'bank', 'hospital', 'police', 'tax office', 'revenue service', 'court',
    'customs', 'embassy', 'united nations', 'fbi', 'interpol', 'imf', 'world bank', 'treasury',
  ],
  bec: [
    '振込先', '口座変更', '振込口座', '振込先の変更', '至急対応', 'ギフトカードを購入', 'ご対応いただけますか', '内密に',
    // CEO fraud openers (the 2024–25 Japanese wave asks staff to set up a LINE group first)
    'lineグループ', 'lineのグループ', 'グループを作成して', '今お時間ありますか', 'if you have a moment', 'do you have a moment',
    'quick favor', 'quick favour', 'help me out',
    'wire transfer', 'bank details', 'change of bank', 'new bank account', 'are you available', 'buy gift cards',
    // advance-fee openers
    'dear beloved', 'my late husband', 'handle a project', 'loan offer',
    'personal or business loan',
    'business proposal', 'business venture', 'donation code', 'investment opportunity', 'transfer the funds', 'next of kin',
    'million usd', 'million dollars', 'million euros', 'us$', 'compensation fund', 'unclaimed funds', 'atm card',
    'seed phrase', 'recovery phrase', 'secret phrase', 'withdraw your', 'your assets',
    // sextortion
    'i hacked', 'hacked your', 'backdoor', 'your device was infected', 'recorded you', 'webcam', 'bitcoin address', 'btc address',
    'pay in bitcoin', 'ハッキングしました', 'あなたのデバイス', 'ビットコインで', 'ビットコインアドレス',
  ],
  'spam-topic': [
    // gambling
    'オンラインカジノ', 'カジノ', 'casino', 'free spins', 'gratis spins', 'freispiele', 'giros grátis', 'giros gratis', 'tours gratuits', 'jackpot',
    'slot machine', 'online slots', 'sportwetten', 'apostas', 'bet365', 'no deposit', 'ohne einzahlung', 'sem depósito',
    // dating and adult
    '出会い', '人妻', 'セフレ', 'dating', 'singles in your area', 'lonely', 'hot singles', 'sex', 'looking for a lover', 'meet women',
    'local women', 'soulmate', 'seitensprung', 'namoro', 'encontro', 'rencontre', 'dating-app', 'nudes', 'flirt', 'flirten',
    'sexy singles', 'ukrainian women', 'ukrainian brides', 'oekraïense', 'sexyflirt', 'perfect match', 'perfecte match',
    // miracle products
    '飲むだけで', '簡単に痩せ', 'keto', 'gummies', 'weight loss pills', 'lose weight fast', 'fat burner', 'erectile', 'viagra',
    'cialis', 'male enhancement', 'potenz', 'abnehmen', 'emagrecer', 'miracle', 'doctors hate', 'anti-aging', 'cbd',
    // get rich, crypto, loans
    '副業', '不労所得', '高収入', '必ず儲かる', '元本保証', 'make money', 'earn money', 'work from home', 'passive income',
    'get rich', 'financial freedom', 'crypto profits', 'trading bot', 'bitcoin profit', 'investment platform', 'guaranteed profit',
    'forex', 'binary options', 'payday loan', 'loan approved', 'mortgage rates', 'debt relief', 'credit repair', 'geld verdienen',
    'renda extra', 'ganhe dinheiro', 'empréstimo', 'gagner de l\'argent', 'extended warranty', 'home warranty', 'car insurance',
    'life insurance', 'solar panels', 'zonnepanelen', 'thuisbatterij', 'home battery', 'cotação', 'plano de saúde', 'bitcoin', 'btc',
    // crypto giveaways and wallet drainers
    'airdrop', 'presale', 'token sale', 'claim your tokens', 'connect your wallet', 'wallet extension', 'usdt', 'nft',
  ],
};

/** Words a link's visible text uses to get a click that leads to a credential or payment page. */
const ACTION_TEXTS = [
  'ログイン', 'サインイン', 'ログインする', '今すぐ確認', '確認する', '詳細を確認', '本人確認', 'アカウントを確認', '更新する', '情報を更新',
  '支払い情報', 'お支払い方法', 'お支払い', '再配達', '受け取る', '受取', '手続き', '手続きはこちら', 'こちらから', 'こちらをクリック',
  'ダウンロード', '閲覧', '確認はこちら', 'ご確認', '解除', '認証', '会員ページ', 'マイページ', 'こちら', 'を表示', 'を開く', 'を更新',
  'log in', 'login', 'log on', 'sign in', 'signin', 'sign-in', 'verify', 'verify now', 'confirm', 'update', 'validate',
  'unlock', 'restore', 'reactivate', 'secure your account', 'secure my account', 'view document', 'view documents', 'view invoice',
  'open document', 'access document', 'review document', 'view message', 'view file', 'view pdf', 'download', 'claim',
  'claim now', 'redeem', 'click here', 'click below', 'track', 'track package', 'reschedule', 'pay now', 'check now',
  'acessar', 'confirmar', 'atualizar', 'verificar', 'resgatar', 'clique aqui', 'anmelden', 'bestätigen', 'aktualisieren',
  'jetzt', 'hier klicken', 'se connecter', 'vérifier', 'confirmer', 'cliquez ici', 'iniciar sesión', 'haga clic',
  'inloggen', 'bevestigen', 'klik hier', 'accedi', 'clicca qui',
];

let themeMatcher: TermMatcher<LureTheme> | undefined;
let actionMatcher: TermMatcher<'action'> | undefined;

/** One automaton over every theme, built on first use. */
export function lureMatcher(): TermMatcher<LureTheme> {
  if (!themeMatcher) {
    const entries: { term: string; tag: LureTheme }[] = [];
    for (const [tag, terms] of Object.entries(THEMES) as [LureTheme, string[]][]) {
      for (const term of terms) entries.push({ term, tag });
    }
    themeMatcher = createTermMatcher(entries);
  }
  return themeMatcher;
}

export function actionTextMatcher(): TermMatcher<'action'> {
  if (!actionMatcher) actionMatcher = createTermMatcher(ACTION_TEXTS.map((term) => ({ term, tag: 'action' as const })));
  return actionMatcher;
}
