/**
 * Word lists the matcher needs beyond the article: function words to ignore, and the concepts that mark a
 * question the article cannot answer. All entries are written naturally and normalized at load with the same
 * `normalize` as everything else, so they can be read and extended by hand.
 */
import { normalize } from './normalize.ts';

function normalizedSet(words: string): ReadonlySet<string> {
  return new Set(
    words
      .split(/\s+/)
      .map((w) => normalize(w))
      .filter((w) => w !== ''),
  );
}

/**
 * Arabic function words and question words, MSA and dialects (Levantine, Iraqi, Egyptian, Gulf), plus the
 * "meta" words of a question about a text (قال, المقال, حسب). They carry no topic, so they get no weight.
 */
export const ARABIC_STOPWORDS = normalizedSet(`
  بنفسه شخصيا شاء تجاوبني جاوبني قلي بسم الله الرحمن الرحيم جزاك جزاكم خيرا انشاء انشالله ما ماذا بماذا وماذا فماذا من مين منو منهو شو شنو ايش إيش وش اش شي هو هي هم هما هل في فى على علي عن الى إلى الي لـ
  ان إن أن لا لم لن قد كان كانت يكون التي الذي الذين اللذين اللواتي هذا هذه ذلك تلك هاد هاذا هذي هاي هيدا
  مع كل او أو ثم بين حول عند منذ متى متي امتى إمتى امتا ايمتى وقت كيف كيفاش ازاي إزاي شلون اين أين وين فين
  لماذا ليش ليه لي لك له لها انا أنا انت أنت احنا نحن
  كم قديش أديش اديش أي اي أيه ايه إيه يا بدي ابي أبي عايز عاوز ممكن لو سمحت رجاء ارجو أرجو من فضلك
  ال عشان علشان واش اشنو فاش باش غادي غاديه غادين عطا ديال ديالو ديالها دابا بزاف كاين كاينة شكرا اللي يلي إللي اللى دي ده دا هذول هدول بتاع تبع مال عم رح راح حا ح بس كمان كذلك أيضا ايضا
  قال قالت يقول تقول قاله قالو قالوا حكى حكا احكي احكيلي يحكي تحدث يتحدث تكلم اتكلم صرح ذكر يذكر اذكر اذكري اذكرلي
  المقال المقاله الخبر التقرير النص السالفه سالفه القصه الكاتب حسب بحسب وفقا طبقا عندي سؤال صغير جاوب اجب أجب جاوبني
  لنا لي هناك هنالك يعني طيب اذا إذا لكن بل و ف ب ل ك جاء جا ابرز أبرز اهم أهم تحت لسا لسه لساتو بعده
  تفعل يفعل تفعله يفعله يفعلون تفعلون نفعل افعل أفعل وفق
  السلام سلام عليكم مرحبا مرحبتين اهلا أهلا هلا صباح مساء الخير النور تحياتي شكرا جزيلا مشكور يعطيك العافية
  المساعدة اقصد أقصد يعني بالضبط تحديدا بالتحديد ممكن تقول تقلي قلي قولي خبرني اخبرني أخبرني وضح وضّح اشرح
  ههه هههه ههههه واضح اتاكد أتأكد اتأكد اتاكد بتأكد كانوا كنا كنت يكونوا تكون لازم لازمن ضروري فقد لقد لكنني لكني فهمت افهم أفهم فاهم وهل معين معينة التوضيح توضيح مرتبطة مرتبط أحداث احداث حدث حصل صار وقع وقعت
  حوالي تقريبا قرابة صح نص بالنص بالحرف حرفيا انو إنو انه enno inno
  يمكنك يمكنكم تستطيع تقدر تخبرني تقولي اعرف أعرف نعرف بغيت نبي نبغى ابغى ابغا طالب طالبة بحث بحثا اكتب أكتب
  احتمال احتماليه امكانيه إمكانية ادري أدري اشوف أشوف اصبح أصبح اصبحت became become الرقم رقم دلاله دلالة بالمقال بالخبر بالنص بالتقرير الموضوع بالموضوع موضوع شكو ماكو جانبه جهته ناحيته باي بأي اريد أريد اعرف أعرف نعرف ورد وردت سالفة سالفه بالسالفه بالسالفة قصة قصه بالقصه بالقصة حكاية حكايه دلوقتي دلوقت هلق هلأ هسه هسا الحين توا يصير بيصير صاير عم
  باختصار اختصار مختصر مختصرا بالمختصر بايجاز بإيجاز ايجاز بشكل اخري أخرى كمان مره عملت عملوا عملو فعلت فعلوا يفعل لما صديقي العزيز عزيزي اخي اخوي حبيبي حبيبتي غالي كيفاش كيفاه دارو داروا
`);

/**
 * Personal matters the article never covers, asked of a named person ("how tall is Assad?", "where does Mekdad
 * live?", "هل الطائي متزوج؟"); without a person they are ordinary words ("where do the militias live?").
 */
export const PERSONAL_WORDS = normalizedSet(`
  tall height ديانة ديانته دينه religion طائفة طائفته sect married متزوج متزوجة زواجه spouse يعيش يسكن ساكن
  عايش live lives resides residence studied study درس دراسته university جامعة educated education هوايات hobby
  hobbies
  زوجة زوجته أولاد اولاده ابنه عائلة عائلته wife children family son daughter
`);

/** English function words and question/meta words ("say", "article", "pls", "bot"). */
export const ENGLISH_STOPWORDS = normalizedSet(`
  a an the and or but if then of to in on at by for from with about as into over under than that this these
  those is are was were be been being am do does did done doing have has had having will would shall should
  can could may might must it its it's he him his she her they them their we us our you your i me my mine
  what which who whom whose when where why how whats what's who's where's there here not no yes so too very
  just also any some all each every more most much many such only own same other
  say says said saying tell told telling mention mentions mentioned according article text story news piece
  quote quotes quoted pls please plz thanks thank hey hi hello bot question questions answer explain exactly
  know like really actually thing things anything something someone anyone did didn't does doesn't
  good morning evening afternoon night greetings welcome sorry silly still main going go goes get got make made
  want wanted think thought know knew see seen look looking find found give gave take took come came way
  well much many lot lots bit little great nice cool fine okay ok yeah sure maybe please help thx ty lol wow
  short shortly brief briefly summarized summarised ghair gher gheir ghayr bruh bro dude mate buddy pal urgent asap
  kifak kifik keefak kefak a3ref a3rif ba3ref na3ref bade badde baddi chou chu bmawdou3 bmawdoo3 mawdou3 ena enno 7ata
  exactly precisely basically reading read understand understood follow following confused lost wondering wonder
  curious interested anyone somebody everybody everyone people's today's while now since trying try tried ve ll
  re been being again ever never always sometimes often already yet soon later earlier before after during
  because though although however therefore also either neither both whether whatever whoever whichever
  able unable possible true false right wrong kind sort type part piece case point fact idea mind
  lol lmao haha hahaha hhh xd didn didnt dont doesnt isnt wasnt werent cant wont couldnt wouldnt shouldnt aren arent haven hasn
  talk talking talked speak spoke spoken ask asked asking answer answered reply respond use using used happen
  happening happened going on story
  wat wht waht whta approximately roughly around approx full whole entire bot bro yo remind student essay
  fast quick quickly asap rn faster
  himself herself themselves personally even god bless blessed inshallah insha allah mashallah bismillah jazakallah
`);

/**
 * Arabizi (Arabic in Latin letters) function and question words, Levantine, Egyptian, Iraqi and Gulf.
 * Digits stand for letters: 2 ء/ق, 3 ع, 7 ح, 5 خ.
 */
export const ARABIZI_STOPWORDS = normalizedSet(`
  shu sho shou chu esh eish ish aish wesh wish eh eih ey ay shinu shno shnu chnu meen min mn miin mnu minu manu
  emta imta amta emtan imtan mta wen wein ween wain fen fein feen wayn lesh leish laysh leh lih lei kif keef kaif
  izay ezay ezzay shlon shloon 2ad 2adesh adesh 2adde adde addesh kam kem 3an an 3la 3ala 3al ala 3lal fi fe f
  el al il l wel wil wal w we wa ya ma la mesh msh mish mush bas kaman kamen hay hayda haydi hadi hatha hada
  hadha haza da di dah deh elli eli illi yalli halli 2al aal 2alet alet 2alo alo 2alu 7aka 7aki 7ako 7aku 7ka
  ye7ki bi2ool bi2ol biyi2ool bey2ool yqool yegol gal galet 2ool ool howa huwe hiye hiya hia hoa humma homa
  ana enta inta enti inti e7na i7na ne7na kan kanet kanit bade badi baddi ebgha abgha 3ayez 3awez momken
  mumken law samat samaht sa7 ok okay yalla ba2a salam salamu alaykum aleikum marhaba mar7aba ahlan hala
  sabah saba7 masa el5eir elkheir khair kheir shukran shokran bel bil fel fil 3al lal lel wel wil bi fi3lan
  ya3ni yaani ya3ne 2addesh b el bl 3a ayya ayy eno enno inno ino lazem lazim kel kol kull dod didd ded 3am ysir
  yseer bisir sar sayer sayir 3m 3ambi halla2 hala2 hal2 hassa hessa delwa2ti dilwa2ti
  ma2al maqal makal lma2al elma2al almaqal taqrir ta2rir mawdoo3 mawdu3 mawdo3 zabt bezabt bizzabt
  wach wash chno chnou achno ach chkoun chkon dyal dial dyalo diyal daba bzaf kayn kayna bli belli machi chkel
  lo lu jihto jihtu jehto janbo janebo ya3tik ya3teek ya3tek 3afye 3afya 3afieh
  5abberni khabberni 5abbirni 2olli 2ouli bin li feha fiha fih feeh feeha ma3 m3a wiyya 3emlo 3imlo 3amlo 3emel 3amel 3imil wala walla la2 walla2 mumkin mumken momkin
`);

/**
 * Function words whose light stem is some concept's term, which they never mean: ماذا "what" is لماذا "why" without
 * its ل, حكاية "story" stems to حكى "told", "interested" to "interest" (serves). Looked up by spelling only.
 */
export const NOT_TOPIC_STEMS = normalizedSet(`
  ماذا بماذا وماذا فماذا حكاية حكايه interested
`);

/** All stopwords, any script: a normalized token in this set carries no topic. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...ARABIC_STOPWORDS,
  ...ENGLISH_STOPWORDS,
  ...ARABIZI_STOPWORDS,
]);

/** The weekdays among OTHER_DAYS_AND_MONTHS, to tell a wrong day from a wrong month (normalized). */
export const OTHER_WEEKDAYS = normalizedSet(`
  friday saturday sunday tuesday wednesday الجمعة السبت الاحد الأحد الثلاثاء الاربعاء الأربعاء
`);

/**
 * Days and months the article never names (it has Thursday, Monday, February, April, June): a question placing
 * something on one is out of scope, unless it is a yes/no question the article's own date corrects ("did they meet
 * on Friday?").
 */
export const OTHER_DAYS_AND_MONTHS: ReadonlySet<string> = new Set([
  ...OTHER_WEEKDAYS,
  ...normalizedSet(`
  january july august september october november december
  يناير مارس مايو يوليو اغسطس أغسطس سبتمبر اكتوبر أكتوبر نوفمبر ديسمبر اذار آذار ايار أيار تموز ايلول أيلول تشرين كانون
`),
]);

/**
 * Concepts the article never covers although questions about its people and places often ask them: visits,
 * casualty figures, ages and birth, death, family, elections, salaries, founding dates, people who are not in it,
 * and the countries, capitals and groups of the world news it does not mention (an off-topic "latest news from
 * Ukraine" otherwise finds "the latest bombings"). A
 * question whose topic words include one of these is a near-miss: the bot says the article does not say,
 * instead of offering the nearest paragraph. Matched on normalized tokens (and Arabic light stems).
 */
export const OUT_OF_SCOPE_WORDS: ReadonlySet<string> = new Set([
  ...OTHER_DAYS_AND_MONTHS,
  ...normalizedSet(`
  زيارة زياره يزور سيزور ستزور تزور نزور زاروا يزورون زيارتها زار زاره وزار زيارته زيارات visit visits visited visiting yzour yezour zar ziyara zyara
  قتلى قتيل قتيلا قتيلاً ضحايا ضحية جرحى مصابين خسائر killed casualties casualty dead deaths toll wounded victims
  injured 2atla at2la 2atil شهداء الشهداء شهيد martyrs martyr ميزانية budget تكلفة كلفة cost costs تمويل funding
  funded
  عمر عمره عمرها سن مواليد ولد مولود age old born birthday aged 3omro 3omr
  توفي مات وفاة died death dies
  انتخابات انتخب election elections elected vote راتب salary

  ترامب ترمب بايدن أوباما اوباما بوتين أردوغان اردوغان السيسي سيسي خامنئي روحاني نتنياهو ماكرون نصرالله
  الصدر المالكي السيستاني بوش كيري لافروف ظريف سليماني
  trump biden obama putin erdogan sisi khamenei rouhani netanyahu macron nasrallah sadr maliki sistani bush kerry
  lavrov zarif soleimani suleimani
  أمريكا امريكا أميركا اميركا الأمريكي الامريكي الأمريكية واشنطن التحالف america american americans usa
  washington coalition pentagon amerka amrika amreeka amerika amrica amreka الامم الأمم un pilot pilots
  تركيا turkey turkish السعودية saudi الأردن jordan لبنان lebanon بيروت beirut مصر egypt إسرائيل israel
  turkya turkia turkiya torkya torkia tirkya torkiya saudia sa3udia sa3odeya sa3oudiya sa3udiya masr misr urdun lubnan lebnan isra2il esra2il
  الطقس طقس weather مباراة كرة football soccer match league ماتش الماتش الدوري دوري المنتخب منتخب لاعب اللاعب لاعبين نادي
  النادي ملعب player players club stadium قصيدة قصيده قصائد poem poems poetry مقر مقرها مقره headquarters headquartered
  سفير السفير سفيرا ambassador ambassadors سفارة السفارة embassy قائد القائد commander البغدادي baghdadi
  سكان السكان population inhabitants residents جنود جندي soldiers troopers صحيفة جريدة قناة newspaper channel
  tv television الولايات united
  أستراليا استراليا australia فرنسا france ألمانيا المانيا germany الصين china بريطانيا britain uk اليابان japan
  الهند india قطر qatar الكويت kuwait الإمارات الامارات uae اليمن yemen ليبيا libya الجزائر algeria المغرب morocco
  رفض يرفض رفضت رفضه رفضها refuse refused refuses refusal reject rejected rejects rejection
  basra البصرة kirkuk كركوك erbil اربيل أربيل tikrit تكريت palmyra tartus طرطوس latakia اللاذقية najaf النجف
  karbala كربلاء anbar الانبار الأنبار hama daraa درعا aleppo حلب homs حمص idlib ادلب إدلب fallujah الفلوجة ramadi
  الرمادي ankara انقرة أنقرة cairo القاهرة kurds kurdish الاكراد الأكراد الكرد كردستان kurdistan peshmerga البيشمركة
  ahmed ahmad mohammed muhammad mohamed mohammad hussein hussain youssef yusuf mustafa khaled khalid john david michael
  sarah أحمد احمد محمد حسين يوسف مصطفى خالد
  thanked thanking شكر يشكر شكره شكرت
  congratulate congratulated congratulates congratulations
  تهنئه التهنئه apologize apologized apologise apologised apology apologies اعتذر يعتذر اعتذار اعتذرت
  headline headlines عنوان العنوان 3onwan
  سلمان الملك ملك الملكه king queen prince الامير امير
  older oldest younger youngest
  formed
  barzani البارزاني muallem jaafari الجعفري tillerson mistura ميستورا
  deny denied denies denial promise promised promises resign resigned resignation
  نفى ينفي نفت وعد استقال يستقيل استقالة
  متحدث المتحدث الناطق ناطق spokesman spokesperson spokeswoman طهران tehran موسكو moscow الكرملين kremlin
  تأسست تأسس تأسيس تأسيسها أسست founded
  fail failed fails failure فشل فشلت فاشل فاشله فشلها
  phone telephone phoned هاتف الهاتف هاتفيا هاتفي بالهاتف اتصل
  reuters afp bbc cnn jazeera aljazeera bloomberg رويترز بلومبرغ
  chief director مدير مديرها مديره mudir
  mawlood mawlud mawloud
  mo3arada mo3arda حزب حزبه hizb 7izb 7ezb hezb 7ezbo hezbo summit قمه القمه
  ساعه ساعات الساعه sa3a sa3ah sa3et sa3at hour hours clock
  لغه لغتها language languages lugha loghat
  parliament parliamentary برلمان البرلمان البرلماني nuwwab النواب m3allem mo3allem walid وليد
  airport airports مطار المطار matar
  رجع رجعت رجوع رجوعه عودته returned rje3 rija3 raja3
  marketing resume cv
  accompanied accompany accompanying رافق رافقه يرافق مرافق مرافقه برفقه
  accept accepted accepts agreed وافق يوافق وافقت موافقه
  love loves loved hate hates hated trust trusts trusted respects respected يحب بيحب يكره بيكره يثق بيثق
  مساحه مساحتها مساحته masa7a masa7et msa7a msa7et square
  criticize criticise criticized criticised criticizes criticises criticism criticisms condemn condemned condemns
  condemnation denounce denounced denounces انتقد ينتقد انتقدت انتقاد انتقادات ادان يدين ادانت ادانه استنكر شجب
  lead leads يقود هيقود سيقود حيقود yqood
  shia shiite shii sunni alawite alawi شيعي شيعه سني علوي
  married marry marriage متزوج متجوز متزوجه متجوزه زواج تزوج religion religious دين دينه ديانه ديانته مذهب مذهبه sect
  طائفه طائفته
  مقرها ma2ar ma2arha ma2arra
  recipe recipes wasfet wasfa mansaf cook cooking
  car cars سيارة سياره بالسيارة appointed appointment تعيين تعيينه عينه rep reps جنرال
  sokkan sukkan sokan sukan
  ukraine ukrainian kyiv kiev canada canadian mexico brazil argentina venezuela cuba spain spanish madrid italy
  italian rome greece sweden norway denmark finland poland netherlands holland belgium switzerland austria portugal
  ireland pakistan bangladesh indonesia malaysia korea vietnam thailand philippines nigeria kenya ethiopia sudan
  somalia tunisia bahrain palestine palestinian gaza london paris berlin tokyo beijing delhi istanbul dubai riyadh
  doha hezbollah hizbullah hamas taliban houthi houthis
  أوكرانيا اوكرانيا كييف كندا المكسيك البرازيل الأرجنتين الارجنتين إسبانيا اسبانيا مدريد إيطاليا ايطاليا روما
  اليونان السويد النرويج الدنمارك هولندا بلجيكا سويسرا النمسا البرتغال باكستان بنغلاديش إندونيسيا اندونيسيا
  ماليزيا كوريا فيتنام نيجيريا كينيا إثيوبيا اثيوبيا السودان الصومال تونس البحرين فلسطين غزة لندن باريس برلين
  طوكيو بكين اسطنبول إسطنبول دبي الدوحة نيويورك الحوثي الحوثيين حماس
  hashd pmf pmu
`),
]);
