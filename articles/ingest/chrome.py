"""Separate the story from the site around it: headline, page metadata, share bars, counters,
related-story blocks, image placeholders, captions and trailing campaign slogans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median

from .dates import THAI_LETTER, find_dates
from .types import Removed

# A line that opens a block of other stories: everything from it to the end is not this story.
_RELATED_HEADINGS = re.compile(
    r"^(?:ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|ดูข่าวเพิ่มเติม|ข่าวแนะนำ|ข่าวล่าสุด|อ่านมากสุด|อ่านข่าวเพิ่มเติม|"
    r"ข่าวยอดนิยม|เรื่องที่เกี่ยวข้อง|บทความที่เกี่ยวข้อง|top viewed.*|"
    r"most (?:read|viewed|popular)|related(?: news| stories| articles| posts)?|"
    r"recommended(?: for you| stories)?|read (?:more|next)|more stories|you may also like|"
    r"latest news|more on this story|next in .{2,40}|see also|tin liên quan|tin cùng chuyên mục|"
    r"đọc nhiều(?: nhất)?|các tin,? bài(?: viết)? khác|"
    r"tin mới(?: nhất)?|tin khác|tin nóng|tin nổi bật|bài liên quan|có thể bạn quan tâm|"
    r"xem nhiều(?: nhất)?|đừng bỏ lỡ|tin tiêu điểm|trending(?: now)?|"
    r"berita terkait|berita lainnya|artikel terkait|baca lagi|berita berkaitan|berita terkini|"
    r"terpopuler|populer|artikel berkaitan|pos terkait|tinggalkan balasan|lihat juga|topics|hangat|"
    r"ขอแนะนำให้คุณอ่าน|ช่องแนะนำ|"
    r"\d+ comments?|no comments|post a comment|leave a (?:reply|comment)|"
    r"komentar|ulasan|แสดงความคิดเห็น|ความคิดเห็น)\s*:?$",
    re.IGNORECASE,
)
_SHARE_WORD = (
    r"(?:facebook|twitter|line|x|email|e-mail|print|share|tweet|zalo|whatsapp|telegram|"
    r"pinterest|linkedin|messenger|copy link|แชร์|แบ่งปัน|พิมพ์|chia sẻ|bagikan|kongsi|cetak)"
)
_SHARE = re.compile(
    r"^(?:spread the love|share(?: this)?(?: on \w+)?|share this (?:article|story|post)|"
    r"bình luận|in bài(?: viết)?|"
    rf"{_SHARE_WORD}(?:\s*[|·•,/]?\s*{_SHARE_WORD})*)"
    r"\s*:?$",
    re.IGNORECASE,
)
# An AI summary's label ("Ringkasan AI"): furniture alone; the points under it are no story.
_AI_LABEL = r"ringkasan ai|ai summary|tóm tắt(?: bằng)? ai"
# Site furniture: navigation, layout residue, advertising, subscription prompts.
_FURNITURE = re.compile(
    r"^(?:skip to (?:main )?(?:content|main)|skip to main|toggle (?:notifications|navigation|menu)|"
    r"đường dẫn truy cập|(?:chuyển|bỏ qua) (?:đến|tới) nội dung(?: chính)?|"
    r"lewati ke (?:konten|isi)(?: utama)?|langkau ke kandungan(?: utama)?|ข้ามไปยังเนื้อหา(?:หลัก)?|"
    r"menu|home|หน้าแรก|หน้าหลัก|trang chủ|beranda|laman utama|utama|breaking(?: news)?|"
    r"[^\w\s]{1,40}|[<«‹]\s*\S.{0,30}|\S.{0,30}\s[>»›]|"
    r"home top ad|(?:header|footer|sidebar|top|bottom|banner|in-?article) ads?|"
    r"advertisements?|advertising|iklan|quảng cáo|โฆษณา|xs|xsm|sm|md|lg|xl|\?>|×|img|"
    r"search|tìm kiếm|cari|ค้นหา|log ?in|đăng nhập|subscribe|sign up|"
    r"follow us.*|theo dõi .{1,40} trên google news|ikuti .{1,40} di google news|"
    r"follow \S.{0,40} on (?:twitter|facebook|x|instagram|telegram|google news)\b.*|"
    r"add (?:your )?comments?\W*|no comments\W*|go to forum\b.*|(?:adjust )?font size\s*:?|"
    r"print e-?mail(?: bookmark and share)?|bookmark and share|close|top stories|"
    r"\S.{0,30} app download|download (?:the )?\S.{0,30} app|"
    r"(?:aplikasi|download) android\b.{0,30}|"
    r"komentar(?: via facebook)?\s*:?|related tags|see more|xem thêm|world news|"
    r"artikel (?:berikut(?:nya)?|lain|sebelum(?:nya)?)|(?:previous|next) (?:article|story|post)|"
    r"bài (?:trước|sau|tiếp theo)|บทความ(?:ก่อนหน้า|ถัดไป)|anggaran waktu membaca\s*:?.*|"
    r"tin vắn(?: thế giới)?|other news|featured replies|landing page banner|subscribe for\b.*|"
    # Icons' names with spaces ("Clock Icon", "facebook Iconx Iconline Icon"), a reading time
    # with a colon, a trust badge, a channel to follow, "More Society News", comment boxes.
    r"(?:\w+ icon\w?\s*)+|[\w-]+-white\w*|reading time\s*:\s*\d+ min(?:ute)?s?|"
    r"why you can trust \S+|"
    r"(?:ikuti sekarang! )?(?:whatsapp|telegram) channel\b.*|more \w+ news|"
    r"chuyên đề\s*:|ý kiến bạn đọc|chưa có ý kiến\b.*|"
    # A site's own accounts, one per line: "Facebook: @tvsarawak , @tvs122", "WhatsApp: TVS".
    r"(?:facebook|instagram|telegram|tiktok|x|youtube|whatsapp|twitter|line|threads)\s*:\s*"
    r"@?[\w.]+(?:\s*,\s*@?[\w.]+)*|"
    # A cookie notice, an error report form, a rating box.
    r"(?:this (?:web)?site uses cookies|we use cookies|เว็บไซต์นี้มีการใช้(?:งาน)?คุกกี้|"
    r"trang web này sử dụng cookie|(?:laman|situs) (?:web )?ini menggunakan (?:kuki|cookie)).*|"
    r"báo lỗi(?: cho \S.{0,30})?|\*?vui lòng nhập\b.*|bài viết hay\? hãy đánh giá bài viết|ý kiến|"
    r"đăng nhập (?:trước khi|để) gửi bình luận.*|"
    # An app's install banner and an old browser's notice: "View in the app", "To install this
    # app on iOS and iPadOS", "1. Tap the share icon in Safari", "โปรดอัพเดตเบราว์เซอร์".
    r"view in (?:the )?app|open in (?:the )?app|a better way to browse\b.*|"
    r"(?:to )?install this app\b.*|a full-screen app on your home screen\b.*|"
    r"\d\.\s+(?:tap\b|scroll\b.{0,40}\btap\b|confirm by tapping\b).{0,80}|"  # (a story's own
    # numbered advice, "2. Confirm the caller's identity", stays)
    r"(?:please )?(?:update|upgrade) your browser\b.*|your browser is out of date\b.*|"
    r"โปรดอัพเดตเบราว์เซอร์|โปรดอัปเดตเบราว์เซอร์|เบราว์เซอร์ที่คุณใช้.*|"
    r"(?:muat turun|download) (?:aplikasi|the app)\b.{0,60}|"
    # A template's or a style sheet's text leaked into the page: "{{ widget.title }}", ".x{…}".
    r"\{\{.*|.*\}\}|[.#@][\w-].{0,200}\{.*|"
    r"baca berita dengan sedikit iklan.*|leftcenterrightdel|"
    r"mời (?:quý )?(?:độc giả|bạn đọc|các bạn) (?:theo dõi|xem|đồng hành).*|"
    r"(?:lagi|more) info (?:di|at)\s*:.*|bacaan lainnya|"  # (the last: a box inside the story)
    # A comment form's notice: "Alamat email Anda tidak akan dipublikasikan. …".
    r"(?:your email address will not be published|alamat email anda tidak akan dipublikasikan).*|"
    r"thông báo|đóng|gốc|nhập thông tin|lỗi\s*:.*|gửi (?:bình luận|liên hệ|ý kiến) thành công|"
    r"nội dung bài viết.*|content image\b.*|scroll to continue.*|featured stories|"
    r"(?:article|story) continues (?:after|below) (?:this )?(?:advertisement|ad)|"
    r"continue reading(?: below)?|viết bình luận|gửi bình luận|"
    # A newsletter box: "Subscribe to our daily newsletter", "Your subscription has been …".
    r"(?:subscribe to|sign up for) (?:our|the) .{0,30}newsletters?.*|your subscription .{5,60}|"
    r"by providing an email address.*|this site is protected by recaptcha.*|"
    # Icons' names printed as text ("copy-link-circle", "sosmed-whatsapp-white"), a reading
    # time ("Waktu baca 2 menit", "3 min read"), an audio player's clock ("0:00 / 0:00"), an AI
    # summary's label, a logo's alternative text.
    r"(?-i:[a-z]+(?:-[a-z]+){1,4})|(?:waktu baca|masa membaca) \d+ menit|\d+ min(?:ute)?s? read|"
    r"(?:đọc|thời gian đọc)\s*:?\s*\d+ phút|อ่าน \d+ นาที|0:00(?: / 0:00)?|"
    rf"{_AI_LABEL}|logo(?:\s+\S.{{0,30}})?|"
    # A press council's badge: "Lulus Verifikasi Dewan Pers No.126/DP-Terverifikasi/K/X/2017".
    r"(?:lulus |telah )?(?:terverifikasi|verifikasi)(?: faktual)? dewan pers\b.*|"
    # A site's welcome banner: "Selamat Datang di Website www.suarabamega25.com …".
    r"(?:selamat datang di|welcome to|chào mừng (?:bạn )?đến với)\s(?:(?:the |our )?(?:website|"
    r"situs|portal|laman|trang)\b|www\.|[\w-]+\.(?:com|net|id|my|vn)\b).*|"
    r"\S*\[email\s*protected\]\S*|[•·]\s*\S.{0,30}|đăng ký|(?:©|\(c\)|copyright\b).*|"
    # A read-aloud player: "Listen to this article", "Nghe đọc bài viết", "ฟังข่าว".
    r"listen to this (?:article|story|news)|nghe (?:đọc )?bài(?: viết)?|ฟังข่าว|ฟังบทความ|"
    r"dengarkan(?: artikel)?(?: ini)?|dengar artikel ini|selengkapnya|you are here\s*:.*|"
    r"(?:font |text )?size\s*:?|(?:ukuran )?font\s*:.*|"
    # A widget's apology: "We’re sorry, this feature is currently unavailable. …".
    r"(?:we['’]re sorry, )?this (?:feature|content) is (?:currently |temporarily )?unavailable.*|"
    # A banner the reader may close: "Bạn có thể chuyển sang … nếu mạng chậm. Đóng".
    r".{10,200}[.!?]\s*(?:đóng|close|ปิด|tutup|×|✕)"
    r")$",
    re.IGNORECASE,
)
# A link to another story: "Baca juga: …", "Xem thêm: …", "Read also: …".
_OTHER_STORY = re.compile(
    r"^(?:[>»►▶]+\s*)?(?:baca juga|baca artikel lainnya|lihat juga|read also|also read|see also|"
    r"xem thêm|đọc thêm|tin liên quan|อ่านข่าวที่เกี่ยวข้อง|อ่านเพิ่มเติม|อ่านต่อ|read more|"
    r"(?:simak|tonton)(?: juga)? video)\b.*$",
    re.IGNORECASE,
)
_LINK_ITEM = re.compile(r"\S\s[-–]$")  # "Headline of another story -" in a list of links
_LONE_BYLINE = re.compile(r"^\([^()]{2,30}\)\s*[-–—]$")  # "(DS&PL) -" on its own line
_TAG_LINE = re.compile(
    r"^(?:tags?|từ khóa|từ khoá|แท็ก|คำค้น|labels?|topik|kata kunci|thể loại|chuyên mục|"
    r"danh mục|categories|category|kategori|หมวดหมู่)\s*[:#]|^(?:#\s*\S[^#]*){2,}$|"
    r"^[^\W\d][\w'’-]*(?: [^\W\d][\w'’-]*)?(?: , [^\W\d][\w'’-]*(?: [^\W\d][\w'’-]*)?){3,}$|"
    r"^[^\W\d_][\w-]+(?:, [^\W\d_][\w-]+){2,4}$",  # single words only: "APMM, Vietnam, Nelayan"
    re.IGNORECASE,
)
# Pictures' alternative texts run together, each numbered: "… toi pham Campuchia anh 1toi pham …".
_ALT_TEXTS = re.compile(r"(?<!\w)(?:anh|ảnh|photo|foto|image) \d{1,2}(?=[^\W\d])", re.IGNORECASE)
# An image's file name with the text after it on the same line (a caption, the story).
_IMAGE_THEN_TEXT = re.compile(r"^(\S+\.(?:jpe?g|png|gif|webp))\s+(\S.{40,})$", re.IGNORECASE)
_IMAGE_FILE = re.compile(
    r"^\S+\.(?:jpe?g|png|gif|webp)\b|^[a-z0-9]+(?:-[a-z0-9]+){5,}\.?$|"
    r"^[\w ,'’-]{1,60}\.(?:jpe?g|png|gif|webp)$|^(?:image|img|dsc|photo)_?\d{2,}$|"
    r"^(?=\S*_)(?=\S*\d{6})\w+$",  # a camera's or a social site's photo id
    re.I,
)
# A share bar spelled out: "Print this page Print this page | Send this page | Export to PDF".
_BAR_ITEM = re.compile(rf"\b(?:{_SHARE_WORD[3:-1]}|send|pdf|export)\b", re.IGNORECASE)
# Other stories' titles cut short in a list: "Sar cari budak hilang di Baling disambung ...".
_CUT_LINK = re.compile(r"^.{10,80}\s(?:\.{3}|…)$")
# Another story's title with its date glued in front, in a list: "- 04-11-2025Thái Lan …".
_DATED_LINK = re.compile(r"^[-–•·]\s*\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s*[^\W\d_]")
_PHOTO_CREDIT = re.compile(
    r"\((?:ảnh|photo|foto|ภาพ|nguồn ảnh|sumber foto|gambar)\s*:[^)]*\)\s*\.?\s*$|"
    r"\S\s?/\s?(?:foto\s*:\s*[^/]{2,40}|istimewa|ist\.?|dok\.?(?:\s[^/]{2,30})?)$|"
    r"[.\s](?:shutterstock(?:\.com)?|getty ?images|istock(?:photo)?|freepik(?:\.com)?)\.?$|"
    r"\((?:[^()]{1,40}\s)?(?:photo|file photo|foto|ảnh|gambar fail)\)\s*$|"  # "(Reuters photo)"
    # "(PHOTO / AFP)", "(Beritasatu Photo/Emral Firdiansyah)"
    r"\((?:[^()/]{1,40}\s)?(?:photo|foto|ảnh)\s*/\s*[^()]{2,40}\)\s*$|"
    # After the caption's last sentence, the outlet and the photographer: "… 2015. Tempo/Dian
    # Triyuli Handoko", "… Jakarta. ANTARA FOTO/Aditya Pradana Putra".
    r"[.!?]\s+[A-Z][\w.]+(?:\s[A-Z]+)?\s?/\s?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}$|"
    r"[.!?]\s+(?:foto|gambar|photo)\s+(?:ihsan|courtesy(?: of)?)\s+\S.{0,40}$|"  # "FOTO Ihsan PDRM"
    r"[.!?]\s+(?:foto|gambar)(?:\s+oleh)?\s+[A-Z][\w ]{2,40}$|"  # "… Klang. Foto oleh AFIQ RAZALI"
    # ". / AFP PHOTO / NAME"
    r"[.!?]\s+/\s*[A-Z][\w.]*\s(?:PHOTO|FOTO)\s*/\s*[A-Z][\w'’. -]{1,40}$|"
    r"[.\s](?:ảnh|photo|foto|sumber foto)(?: illustration| ilustrasi| file)?\s*:\s*(?:dok\.\s*)?"
    r"(?:[^.:]|\.(?=\S)){1,60}\.?$|"  # Ảnh: CHINHPHU.VN, PHOTO ILLUSTRATION: ST FILE, Foto: Dok. X
    r"\s-\s?(?:tangkap ?layar|screenshot|istimewa|ist\.?|dok\.?)(?:/[^/\n]{2,40})?$|"
    r"\s-\s*(?:gambar|foto) (?:fail|hiasan)\.?$|\s-\s*(?:gambar|foto)?\s*ilustrasi\.?$|"
    r"[.\s](?:photo|picture|image|foto|ảnh) (?:by|courtesy of|do)\s+[^.]{2,60}\.?$|"
    r"[.\s](?:photo |image )?credit\s*:\s*[^.:]{2,60}\.?$|"  # "… in April.Credit: Bali police"
    r"^(?:foto|gambar|photo|picture)\s+(?:menunjukkan|memperlihatkan|shows?)\b|^©|"
    r"^(?:foto|gambar)\s*;\s*\S|^handout\s*/|"  # "foto; Polri dan …", "HANDOUT/…/AFP"
    r"^(?:ảnh|photo|foto|ภาพ|รูปข่าว|รูป|gambar|caption)\s*:",
    re.IGNORECASE,
)
# A credit on its own line, under a picture or as the wire's: "AFP/Philippine Coast Guard",
# "BERNAMA", "Reuters".
_CREDIT_LINE = re.compile(
    r"^(?:afp|ap|reuters|epa(?:-efe)?|xinhua|bernama|vna|ttxvn|antara(?: foto)?|getty images|"
    r"kyodo|yonhap|เอพี|เอเอฟพี|รอยเตอร์|ซินหวา|เบอร์นามา)(?:\s*/\s*[^/]{2,40})?$|"
    r"^[\w-]+(?:\.[\w-]+)*\.(?:com|net|co\.id|id|my|vn|th)\s?/\s?[^/\d]{2,40}$|"  # site.com/Name
    r"^[\u0e00-\u0e7f]+(?: [\u0e00-\u0e7f]+){0,2}\s?/\s?[\u0e00-\u0e7f]+$|"  # "ชื่อ สกุล/เบนาร์นิวส์"
    # Name/site.com: "Vincentius Jyestha/Tribunnews.com"
    r"^[^\W\d][\w.' ]{1,40}\s?/\s?[\w-]+(?:\.[\w-]+)*\.(?:com|net|co\.id|id|my|vn|th)$|"
    r"^representational (?:image|photo|picture)\b.{0,40}$|"
    r"^(?:photo|picture|image|foto) courtesy(?: of)?\s+\S.{0,40}$|"
    # a caption ending with its source: "… bắt giữ. (Nguồn: New Straits Times)", "(Ehsan APMM)"
    r"^.{10,200}\((?:nguồn|ehsan|ihsan|sumber)\s*:?\s*[^()]{2,60}\)\.?$|"
    r"^.{10,200}[.!?]\s*\((?:gambar|foto|photo|ảnh)\s+[^()]{2,60}\)\.?$|"  # "(Gambar Facebook …)"
    r"^.{10,200}\.\s*nguồn\s*:\s*[\w.-]+\.(?:gov\.vn|com\.vn|vn|com|net)$|"
    r"^(?:ket|keterangan(?: foto| gambar)?)\s*:\s*\S.{0,200}$",  # an Indonesian caption: "Ket: …"
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"^(?!\d{4}([./])\d{1,2}\1\d{1,2}$|\d{1,2}([./])\d{1,2}\2\d{4}$)"  # a date: 2023.12.04
    r"\|?\s*(?:(?:[\d,.]+\s*){1,3}|[\d,.]+\s*(?:views?|comments?|shares?|ครั้ง|ผู้ชม|"
    r"lượt xem|bình luận|pengunjung|kali dibaca|dibaca|dilihat|kali dilihat|paparan)|"
    r"(?:views?|อ่าน|เปิดอ่าน|เข้าชม|ผู้เข้าชม|lượt xem)\s*:?\s*[\d,.]+(?:\s*ครั้ง)?|\d{1,3}\s*/\s*\d{1,3}|"
    r"views?|comments?|lượt xem|ผู้เข้าชม|"
    r"(?:bình luận|view icon)\s*\d+|\d+\s*แชร์)\s*\|?$",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    r"^(?:รูปภาพประกอบ|ภาพประกอบ|ภาพข่าว|คลิกดูภาพ.*|image|photo|picture|ảnh minh họa|"
    r"ảnh minh h[ọo]a\.?\s*(?:nguồn|ảnh)\s*:.*|ảnh minh hoạ|ảnh(?: \d+)?|chú thích ảnh|video|"
    r"foto hiasan|gambar hiasan|foto ilustrasi|"
    r"ilustrasi|grafis|infografis|infographics?|"
    r"(?:\S.{0,80}\s)?-\s*ảnh \d+)\s*[:.]?$",
    re.IGNORECASE,
)
# Where someone stands in the picture, "นายกุลิศ สมบัติศิริ(ซ้าย)", "(kiri)", "(thứ 2 từ trái)";
# people posing for it, in the scripts that write it apart from the story's prose.
_IN_PICTURE = re.compile(
    r"\((?:ซ้าย|ขวา|กลาง|คนกลาง|left|right|centre|center|second (?:left|right|from (?:left|right))|"
    r"kiri|kanan|tengah|trái|phải|giữa|thứ \w+ (?:từ )?(?:trái|phải)(?: sang)?)\)",
    re.IGNORECASE,
)
_POSING = re.compile(
    r"\bbergambar (?:ramai|kenangan|bersama)|chụp (?:ảnh|hình) (?:lưu niệm|chung)|"
    r"\bpos(?:e[sd]?|ing) for (?:a )?"
    r"(?:group |family )?(?:photo|picture)|"
    # What a Vietnamese caption opens with: "Quang cảnh buổi tiếp.", "Toàn cảnh hội nghị".
    r"^(?:quang cảnh|toàn cảnh)\s+(?:buổi|hội nghị|hội thảo|hội đàm|lễ|cuộc|phiên|tại|các)\b|"
    # A wire picture's caption: "This photograph taken on June 6, 2017 shows …".
    r"^(?:this|a) (?:handout |file )?(?:photograph|photo|picture|image)\b.{0,60}?"
    r"\b(?:shows|taken)\b",
    re.IGNORECASE,
)
_SEE_MORE_LINK = re.compile(r"^(?:xem thêm|read more|อ่านต่อ|อ่านเพิ่มเติม|see also)\s*:\s*\S+$", re.I)
_CAPTION = re.compile(r"\s\|$|^\|$")
_HOTLINE = re.compile(r"สายด่วน|hotline|đường dây nóng|\bโทร\.?\s*\d{3,}", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s+(?:»|›|>>|>)\s+")
SENTENCE_END = re.compile(r"[.!?;:。]$")
_SHORT_LINE = 120
HEADLINE_MAX = 300


@dataclass
class Layout:
    headline: str = ""
    breadcrumb: list[str] = field(default_factory=list)
    headline_line: int | None = None
    headline_unsure: bool = False
    site_name: str = ""  # "MSK News" in "Headline - MSK News"
    paragraphs: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    header_lines: list[tuple[int, str]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


# A date stuck to the text after it: a page store's " date 2025-11-03 Headline…", or a time
# stamp run into the title ("29/08/2017 15:28Thái Lan đề nghị…").
_GLUED_DATE = re.compile(
    r"^\s*(date \d{4}-\d{2}(?:-\d{2})?|\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}(?=\S))\s*(.*)$"
)


def _split_glued_dates(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        match = _GLUED_DATE.match(line)
        if match and match.group(2):
            out.extend([match.group(1), match.group(2)])
        elif match:
            out.append(match.group(1))
        else:
            out.append(line)
    return out


def _is_share_bar(line: str) -> bool:
    items = [item.strip() for item in line.split("|")]
    return len(items) >= 2 and all(
        item and len(item) <= 40 and _BAR_ITEM.search(item) for item in items
    )


# A sentence that lists ("ประกอบด้วย เมียนมา ไทย ลาว กัมพูชา เวียดนาม"), not a menu.
_LISTED = re.compile(r"^(?:ประกอบด้วย|ได้แก่|ทั้งนี้|และ|รวมถึง|เช่น)")


def _is_menu(line: str) -> bool:
    """A Thai navigation bar: many short words between spaces, no sentence."""
    words = line.split()
    if len(words) < 6 or _ANY_DIGIT.search(line) or _LISTED.match(line):
        return False
    thai = [w for w in words if THAI_LETTER.search(w)]
    lengths = [len(w) for w in thai]
    if len(thai) >= 6 and max(lengths) <= 20 and sum(lengths) / len(lengths) <= 10:
        return True
    # A long bar may hold long compounds ("ท่องเที่ยวและวัฒนธรรม"); most of its items are short.
    # (A headline's phrases are as short, but a headline has fewer than a dozen.)
    return len(thai) >= 12 and max(lengths) <= 30 and median(lengths) <= 10


# The sections of a site's menu, in any of our languages: "Video Báo Ảnh Báo in Podcast
# Emagazine Infographic", "Home Video Podcast Multimedia", "News Features Commentary Series".
_MEDIA_SECTION = re.compile(
    r"(?<!\w)(?:videos?|podcasts?|e-?magazine|infographics?|multimedia|longform|photos?|galler(?:y|ies)|"
    r"e-?paper|báo in|báo ảnh|báo điện tử|truyền hình|phát thanh|radio|tv|คลิป|วิดีโอ|พอดแคสต์|"
    r"news|features|commentary|opinions?|series|specials|stories|sports?|business|lifestyle|"
    r"entertainment|editorials?|berita|nasional|sukan|hiburan)(?!\w)",
    re.IGNORECASE,
)


def _is_media_menu(line: str) -> bool:
    """A menu of a site's sections: three or more, half the words of a short line."""
    if len(line) > 120 or SENTENCE_END.search(line):
        return False
    found = [m.group(0).lower() for m in _MEDIA_SECTION.finditer(line)]
    covered = sum(len(name.split()) for name in found)
    return len(set(found)) >= 3 and covered * 2 >= len(line.split())


@lru_cache(maxsize=8192)
def _chrome_reason(line: str) -> str | None:
    # Cached: a line is asked about as it is read, and again when a headline is chosen.
    if _LONE_BYLINE.match(line):
        return "byline"  # kept among the removed lines, where the outlet is looked for
    if _SHARE.match(line) or _is_share_bar(line):
        return "share buttons"
    if _COUNTER.match(line):
        return "view/comment counter"
    if _PLACEHOLDER.match(line):
        return "image placeholder"
    if _SEE_MORE_LINK.match(line) or _OTHER_STORY.match(line):
        return "link to another story"
    if _CAPTION.search(line) or _PHOTO_CREDIT.search(line) or _CREDIT_LINE.match(line):
        return "photo caption"
    if len(line) <= _CAPTION_SIZE and (_IN_PICTURE.search(line) or _POSING.search(line)):
        return "photo caption"
    if _FURNITURE.match(line) or _is_menu(line) or _is_media_menu(line):
        return "site navigation"
    if _LINK_ITEM.search(line) or _CUT_LINK.match(line) or _DATED_LINK.match(line):
        return "link to another story"
    if _TAG_LINE.match(line):
        return "tag line"
    if _IMAGE_FILE.match(line):
        return "image file name"
    if len(_ALT_TEXTS.findall(line)) >= 2:
        return "image placeholder"
    return None


# A caption's label on its own line ("Chú thích ảnh"): the line below it is the caption. (A
# line above a lone credit is not taken for its caption: as often it is the lede, printed above
# the picture.)
_QUOTES = ("“", '"', "‘", "«", "„")
_CAPTION_LABEL = re.compile(
    r"^(?:chú thích ảnh|caption|leftcenterrightdel)\s*:?$",  # the last: an image block's residue
    re.IGNORECASE,
)


_LONE_WORD = re.compile(r"[A-Za-zÀ-ỹĐđ][\w'’-]{0,14}")  # (Thai is not split by spaces: left alone)


def _drop_lone_words(
    kept: list[tuple[int, str]], lines: list[str], layout: Layout
) -> list[tuple[int, str]]:
    """Remove a word alone on its line ("Headlines", "Nation"), but not the last line (a
    paragraph the store cut after its first word, "Sebelumn") nor a short line's end."""
    out = []
    for index, (number, line) in enumerate(kept):
        if (
            index < len(kept) - 1
            and _LONE_WORD.fullmatch(line.strip())
            and not _continues(lines, number)
        ):
            layout.removed.append(Removed("site navigation", line))
            continue
        out.append((number, line))
    return out


def _continues(lines: list[str], number: int) -> bool:
    """The word ends a short line broken before it ("Australian Embassy" / "Thailand")."""
    previous = lines[number - 1].strip() if number else ""
    return 0 < len(previous) <= 40 and " " in previous and not SENTENCE_END.search(previous)


_AI_SUMMARY = re.compile(rf"^\s*(?:{_AI_LABEL})\s*:?\s*$", re.I)
_BULLETED = re.compile(r"^\s*[•·▪●]\s*\S")
_BULLET = re.compile(r"^\s*[-–•*·]\s*$")
_LIST_MARKERS = 3


_BOX_LINES = 6
_SIGN_OFF_SIZE = 12


def _inline_box(lines: list[str], heading: int) -> list[int]:
    """The heading and the titles right under it (no blank between), where after the next blank
    line the story goes on with two long paragraphs; [] otherwise."""
    box = [heading]
    for number in range(heading + 1, min(len(lines), heading + 2 + _BOX_LINES)):
        if not lines[number].strip():
            break
        box.append(number)
    else:
        return []
    if len(box) < 2 or any(len(lines[n]) > HEADLINE_MAX for n in box):
        return []
    after = [x for x in lines[box[-1] + 1 :] if x.strip()][:2]
    paragraphs = [x for x in after if len(x) > _SHORT_LINE and SENTENCE_END.search(x.rstrip())]
    return box if len(paragraphs) == 2 else []


def _list_items(lines: list[str]) -> set[int]:
    """The lines each set under a bullet of its own line, where the page has a run of them: a
    list of other stories ("-" / "Công an TPHCM cảnh báo …" / "-" / "Bắt đối tượng …")."""
    markers = [number for number, line in enumerate(lines) if _BULLET.match(line)]
    if len(markers) < _LIST_MARKERS:
        return set()
    items = set()
    for number in markers:
        following = next((n for n in range(number + 1, len(lines)) if lines[n].strip()), None)
        if (
            following is not None
            and len(lines[following]) <= HEADLINE_MAX
            and not _BULLET.match(lines[following])
        ):
            items.add(following)
    return items


def _looks_like_headline(line: str) -> bool:
    return (
        0 < len(line) <= HEADLINE_MAX
        and not SENTENCE_END.search(line)
        and not _CAPTION.search(line)
        and _chrome_reason(line) is None
    )


def split_layout(text: str, *, is_metadata) -> Layout:
    """Split normalised text into headline, header lines, story paragraphs and removed chrome.

    `is_metadata(line)` tells page-metadata lines (dates, posted/updated lines) so that they are
    kept out of the body; the dates module decides that.
    """
    layout = Layout()
    lines = _split_glued_dates(text.split("\n"))

    # Other stories: a related/most-read heading after the story starts cuts the rest.
    end = len(lines)
    seen_paragraph = False
    inline_boxes: set[int] = set()
    for number, line in enumerate(lines):
        if _RELATED_HEADINGS.match(line) and seen_paragraph:
            following = next((x for x in lines[number + 1 :] if x.strip()), "")
            if line.rstrip().endswith(":") and following.lstrip().startswith(_QUOTES):
                # A box inside the story ("Artikel Berkaitan:"), the story going on under it
                # with a quotation: only the heading goes.
                inline_boxes.add(number)
                layout.removed.append(Removed("related stories", line))
                continue
            box = _inline_box(lines, number)
            if box:
                # A box of a few titles inside the story ("TIN LIÊN QUAN" / titles / a blank),
                # the story's paragraphs going on under it: the box goes, the story stays.
                inline_boxes.update(box)
                layout.removed.append(Removed("related stories", "\n".join(lines[n] for n in box)))
                continue
            end = number
            tail = "\n".join(x for x in lines[number:] if x)
            layout.removed.append(Removed("related stories", tail))
            break
        seen_paragraph = seen_paragraph or len(line) > _SHORT_LINE

    listed = _list_items(lines[:end])
    kept: list[tuple[int, str]] = []
    credits: dict[int, str] = {}  # captions and credits by line number
    caption_next = summary_next = False
    for number, line in enumerate(lines[:end]):
        if not line or number in inline_boxes:
            continue
        glued = _IMAGE_THEN_TEXT.match(line)
        if glued:  # "/uploads/…/x.jpg Công an tỉnh … ký biên bản. Tại các buổi hội đàm, …"
            layout.removed.append(Removed("image file name", glued.group(1)))
            line = glued.group(2)
        reason = _chrome_reason(line)
        if reason is None and number in listed:
            reason = "link to another story"
        if reason is None and summary_next and _BULLETED.match(line):
            reason = "AI summary"  # the points under "Ringkasan AI", the story's own retold
        summary_next = (summary_next and reason == "AI summary") or bool(_AI_SUMMARY.match(line))
        if reason is None and caption_next and len(line) <= _CAPTION_SIZE:
            reason = "photo caption"  # the line under a "Chú thích ảnh" label
        caption_next = _CAPTION_LABEL.match(line) is not None
        if reason:
            layout.removed.append(Removed(reason, line))
            if reason == "photo caption":
                credits[number] = line
        else:
            kept.append((number, line))

    kept = _drop_trailing_slogans(kept, lines, layout, is_metadata)
    kept = _drop_lone_words(kept, lines, layout)

    _choose_headline(kept, layout, is_metadata)

    kept = _drop_repeats(kept, layout, credits)
    kept = _drop_unmarked_captions(kept, layout, credits)

    # Header: short lines before the first paragraph (dates, bylines); metadata lines anywhere.
    in_header = True
    for number, line in kept:
        # (The page's stamp may also stand under the standfirst: the first paragraphs count.)
        near_top = in_header or len(layout.paragraphs) < _TOP_PARAGRAPHS
        if is_metadata(line, in_header=near_top):
            layout.header_lines.append((number, line))
            layout.removed.append(Removed("page metadata", line))
            continue
        if len(line) > _SHORT_LINE or SENTENCE_END.search(line):
            in_header = False
        layout.paragraphs.append((number, line))
    return layout


# Lines that hold page metadata, not a headline: "Pubdate: …", "Source: …", a byline.
_KEY_VALUE = re.compile(
    r"^(?:pubdate|source|sources|copyright|contact|details|author|website|posted by|by|oleh|"
    r"categories|category|chuyên mục|danh mục|thể loại|kategori|หมวดหมู่|"
    r"penulis|editor|reporter|wartawan|โดย|ผู้เขียน|tác giả|biên tập|nguồn|"
    r"(?:ภาพ|ข่าว)\s*(?:/|-|และ)\s*(?:ภาพ|ข่าว))\b\s*:?",
    re.IGNORECASE,
)
# A byline or dateline that opens the lede: "(GLO)- …", "(VOVworld) – …", "jpnn.com - …".
_LEDE_OPENING = re.compile(
    r"^\([^)]{1,30}\)\s*[-–—]|^[A-ZĐ]{2,10}(?:\.[a-z]{2,3})?\s*[-–—]\s|"
    r"^(?:[A-Z][A-Z ]{1,25},\s*)?[\w-]+\.(?:com|co|id|vn|net|my|th|org)\b[^-–—]{0,30}[-–—]",
)
_LATIN_WORDS = re.compile(r"[^\W\d_]+")
_FILE_NAME = re.compile(r"_\w|\.(?:jpe?g|png|pdf|docx?)\b", re.IGNORECASE)
_CANDIDATE_WINDOW = 25  # lines a headline may stand after the page's start


def _headline_problem(line: str, is_metadata) -> str | None:
    """Why a line cannot be the headline, or None when it can."""
    if not 0 < len(line) <= HEADLINE_MAX:
        return "length"
    if SENTENCE_END.search(line) and not line.endswith(("?", "!")):
        return "sentence"
    if _chrome_reason(line) or is_metadata(line, in_header=True):
        return "chrome"
    if _KEY_VALUE.match(line) or _LEDE_OPENING.match(line) or _FILE_NAME.search(line):
        return "metadata"
    dates = find_dates(line)
    if dates and dates[0].start <= 40 and re.match(r"\s*[-–—]", line[dates[0].end :]):
        return "dateline"  # "กทม. 2 ธ.ค.- …" opens a lede
    if THAI_LETTER.search(line):
        if len(line) < 20 and " " not in line.strip():
            return "too short"
        if len(line) < 40 and " " not in line.strip() and re.search(r"\S[-/]\S", line):
            return "section label"  # "อาชญากรรม-กระบวนการยุติธรรม"
        return None
    words = _LATIN_WORDS.findall(line)
    if len(words) < 4:
        return "too short"
    if next(c for c in line if c.isalnum()).islower():
        return "lower case"  # tag lines, URL slugs
    if line.isupper() and len(words) <= 4:
        return "section label"
    return None


_ANY_DIGIT = re.compile(r"[0-9๐-๙]")


def _choose_headline(kept: list[tuple[int, str]], layout: Layout, is_metadata) -> None:
    """Pick the headline among the lines before the story starts, and drop what stood above it.

    The first line that can be a headline wins, except that a line the page prints twice (a
    title bar and the article's own heading) is preferred. Lines above the headline are site
    furniture (menus, site names, section labels) and are removed for the editor to see.
    """
    candidates: list[tuple[int, str]] = []  # (index in kept, headline text)
    for index, (_, line) in enumerate(kept[:_CANDIDATE_WINDOW]):
        if _story_starts(line, is_metadata):
            break
        if is_metadata(line, in_header=True):
            continue  # a date line, with its byline and counter: no site name in it
        text = _BREADCRUMB.split(line)[-1].strip()
        site, separator, titled = text.partition("##")  # a title template: "Site##Headline"
        if not separator:
            site, separator, titled = text.partition("#")  # "ข่าวเด่นนิวส์สยามออนไลน์#Headline"
            if " " in site or len(titled.strip()) < 20:
                separator = ""
        if separator and 2 <= len(site) <= 40 and titled.strip():
            layout.site_name = layout.site_name or site.strip()
            text = titled.strip()
        shorter = _site_suffix_removed(text)
        if shorter != text:
            layout.site_name = layout.site_name or text[len(shorter) :].strip(" -–—|")
            text = shorter
        if text.endswith(("…", "...")) and any(
            other.startswith(text.rstrip(".…")) and other != text for _, other in kept[:25]
        ):
            continue  # a shortened copy of the headline printed further down
        problem = _headline_problem(text, is_metadata)
        if problem is None or (problem == "section label" and _printed_again(text, kept)):
            # (A Thai title joined by a dash, "เวียดนามยึดเกล็ดลิ่น-งาช้างจากแอฟริกา", is shaped
            # like a section label; printed again as the heading, it is the title.)
            candidates.append((index, text))
    if not candidates:
        return
    texts = [text for _, text in candidates]
    repeated = [
        c
        for position, c in enumerate(candidates)
        if (texts.count(c[1]) > 1 or _printed_again(c[1], kept))
        # A line printed twice in a row below a headline is a picture's alternative text and
        # its caption, not a title bar and a heading.
        and not (position and _doubled(c[0], kept))
    ]
    # The title printed again with the breadcrumb glued before it ("BerandaHukum &
    # KriminalKeluar dari …", then "Keluar dari …"): the clean copy.
    ending = [
        c
        for c in candidates
        if len(c[1]) >= 20
        and any(
            o[1] != c[1] and o[1].endswith(c[1]) and len(o[1]) - len(c[1]) <= _GLUED_CRUMBS
            for o in candidates
        )
    ]
    repeated = ending[:1] or repeated
    several = len(candidates) > 1
    if not repeated and several and _thai_label(candidates[0][1]):
        # A Thai section's name above the title ("เลือกตั้งและการเมือง"): one word, short, then
        # a line of several words with the page's stamp under it.
        stamped = [
            c
            for c in candidates[1:2]
            if " " in c[1]
            and c[0] + 1 < len(kept)
            and is_metadata(kept[c[0] + 1][1], in_header=True)
        ]
        candidates = stamped or candidates
    index, headline = (repeated or candidates)[0]
    layout.headline_unsure = not repeated and index > 0 and several
    number, line = kept[index]
    for _, above in kept[:index]:
        if not is_metadata(above, in_header=True):
            layout.removed.append(Removed("page header", above))
    header_metadata = [item for item in kept[:index] if is_metadata(item[1], in_header=True)]
    parts = _BREADCRUMB.split(line)
    layout.breadcrumb = [p.strip() for p in parts[:-1] if p.strip()]
    layout.headline = headline
    layout.headline_line = number
    rest = kept[index + 1 :]
    # Every further copy of the headline goes (a print view shows it three times).
    for item in list(rest):
        again = _BREADCRUMB.split(item[1])[-1].strip()
        if again.rstrip("!.") == headline.rstrip("!."):  # (also with its "!": "… 6 พันล้านบาท!")
            layout.removed.append(Removed("repeated headline", item[1]))
            rest.remove(item)
    if rest:
        repeat = _BREADCRUMB.split(rest[0][1])[-1].strip()
        whole = (
            repeat.startswith(headline)
            and repeat != headline
            and repeat[len(headline)] not in ".!?:;|"  # not "Headline. Photographer"
            # Cut mid-word; a copy that goes on after a space is the headline with its
            # standfirst ("… ที่เมียนมา" / "… ที่เมียนมา หลังพบนั่งรอรถมารับ …"), which is story.
            and not repeat[len(headline)].isspace()
            and _looks_like_headline(repeat)
        )
        if whole:
            # The first copy was cut short and the second is whole: keep the whole one.
            layout.removed.append(Removed("repeated headline", line))
            layout.headline = repeat
            rest.pop(0)
    kept[:] = header_metadata + rest


_QUESTION_HEADLINE = 160
_GLUED_CRUMBS = 40  # a breadcrumb glued before a title is short; a title's own start is not
_TOP_PARAGRAPHS = 2


def _thai_label(line: str) -> bool:
    return THAI_LETTER.search(line) is not None and " " not in line and len(line) < 30


def _story_starts(line: str, is_metadata) -> bool:
    """A paragraph of the report: a long sentence, a long Thai passage, or a lede's dateline."""
    if len(line) > _SHORT_LINE and SENTENCE_END.search(line):
        # (A headline may shout or ask: "… ร่วมประชุมแก้ปัญหา … และปรองดอง!?")
        return not (line.endswith(("!", "?")) and len(line) <= _QUESTION_HEADLINE)
    if len(line) > 200 and THAI_LETTER.search(line):
        return True  # Thai ends sentences with a space, not a full stop
    problem = _headline_problem(line, is_metadata)
    return len(line) > 60 and problem in {"dateline", "metadata"} and not _KEY_VALUE.match(line)


# "… - MSK News", "… | Khmer Times": a site's name after the title, in a title bar.
_SITE_SUFFIX = re.compile(r"\s+(?:\||[-–—](?=\s[A-Za-z0-9][A-Za-z0-9 .]{1,24}$))\s+[^|]{2,40}$")


def _site_suffix_removed(text: str) -> str:
    match = _SITE_SUFFIX.search(text)
    if not match:
        return text
    if "|" not in match.group(0) and not THAI_LETTER.search(text[: match.start()]):
        return text  # "Việt - Lào", "Malaysia - Indonesia": a dash inside a Latin headline
    return text[: match.start()]


def _doubled(index: int, kept: list[tuple[int, str]]) -> bool:
    """The line at kept[index] is printed again on the line just before or after it."""
    number, line = kept[index]
    return any(
        0 <= other < len(kept) and kept[other][1] == line and abs(kept[other][0] - number) == 1
        for other in (index - 1, index + 1)
    )


def _printed_again(text: str, kept: list[tuple[int, str]]) -> bool:
    return sum(1 for _, line in kept if _BREADCRUMB.split(line)[-1].strip() == text) > 1


# (A picture's number may be glued after the stop: "… Dalam Negeri Singapura.03".)
_PARAGRAPH_END = re.compile(r"[.!?;:。…\"”’)»](?:\d{1,2})?$")


_CAPTION_SIZE = 250
# Shorter lines between paragraphs are as often the story's subheadings ("Patrols can help
# countries capture fugitives") as captions: kept, for the editor to judge.
_UNMARKED_MIN = 50
_INNER_SENTENCE = re.compile(r"\w[.!?]\s+[A-ZĐ\"“]")
_REPEAT_MIN = 40
# A caption's credit in the middle of a line, with the caption printed again after it:
# "Các học viên … (Ảnh: Đại sứ quán Australia) Các học viên …".
_CREDIT_INSIDE = re.compile(r"\((?:ảnh|photo|foto|ภาพ|gambar|sumber foto)\s*:[^)]{1,80}\)\s*", re.I)


def _drop_repeats(
    kept: list[tuple[int, str]], layout: Layout, credits: dict[int, str] | None = None
) -> list[tuple[int, str]]:
    """Remove what the page prints twice: a short line printed twice in a row (an
    image's alternative text, then its caption) goes whole; of a longer passage printed twice
    (a lede shown above the picture and again as the story's first paragraph) the later copy
    stays; a line that repeats itself after a photo credit, in it or on the line between, is
    a caption, and so is a picture's alternative text printed again as its credited caption."""
    credits = credits or {}
    out: list[tuple[int, str]] = []
    for i, (number, line) in enumerate(kept):
        previous = kept[i - 1] if i else None
        following = kept[i + 1] if i + 1 < len(kept) else None
        adjacent = [
            other
            for other in (previous, following)
            if other and abs(other[0] - number) <= 2 and other[1] == line  # a blank between
        ]
        around_credit = [
            other
            for other in adjacent
            if abs(other[0] - number) == 2 and (number + other[0]) // 2 in credits
        ]
        credited = any(credits.get(number + step, "").startswith(line) for step in (-2, -1, 1, 2))
        if ((around_credit or credited) and len(line) <= _CAPTION_SIZE) or (
            adjacent and len(line) <= _SHORT_LINE
        ):
            layout.removed.append(Removed("photo caption", line))
            continue
        later = any(other == line for _, other in kept[i + 1 :])
        if len(line) >= _REPEAT_MIN and later:
            layout.removed.append(Removed("repeated lede", line))
            continue
        credit = _CREDIT_INSIDE.search(line)
        if credit and len(line) <= 2 * _CAPTION_SIZE:
            before, after = line[: credit.start()].strip(), line[credit.end() :].strip()
            if before and after and after[:30] == before[:30]:
                layout.removed.append(Removed("photo caption", line))
                continue
        out.append((number, line))
    return out


def _drop_unmarked_captions(
    kept: list[tuple[int, str]], layout: Layout, credits: dict[int, str]
) -> list[tuple[int, str]]:
    """Remove photo captions that carry no "Photo:" mark: in a Latin-script story whose
    paragraphs end in full stops, a line between two such paragraphs that does not end in one
    is a caption, not a sentence ("Quang cảnh cuộc hội đàm giữa …"). Thai is left alone: it
    ends sentences with a space. A line just under a marked caption is not: the picture has
    its caption, and what follows it is a subheading ("Nhiều đối tượng bị lừa bán …")."""
    if sum(1 for _, line in kept if _PARAGRAPH_END.search(line)) < 2:
        return kept
    out = []
    for i, (number, line) in enumerate(kept):
        between = 0 < i < len(kept) - 1
        if (
            between
            and not THAI_LETTER.search(line)
            and _UNMARKED_MIN <= len(line) <= _CAPTION_SIZE
            and not _PARAGRAPH_END.search(line)
            and not _INNER_SENTENCE.search(line)  # two sentences: a paragraph the store cut
            and not line.startswith(_QUOTES)  # a quotation: said, not pictured
            and not (number - 1 in credits or number - 2 in credits)
            and _PARAGRAPH_END.search(kept[i - 1][1])
            and len(kept[i - 1][1]) > _SHORT_LINE
            and _PARAGRAPH_END.search(kept[i + 1][1])
            and len(kept[i + 1][1]) > _SIGN_OFF_SIZE  # not a sign-off ("M.G.") under the story
            and not _wrapped(kept[i], kept[i + 1])
        ):
            layout.removed.append(Removed("photo caption", line))
            continue
        out.append((number, line))
    return out


def _wrapped(line: tuple[int, str], following: tuple[int, str]) -> bool:
    """The line is a sentence the page broke in two: the next line, with no blank between,
    is its short end ("… kes disiasat di bawah Akta" / "Imigresen 1959/63, … Negeri Sabah.")."""
    (number, text), (next_number, rest) = line, following
    return (
        next_number == number + 1
        and text[-1:].isalpha()
        and len(rest) <= _SHORT_LINE
        and not _INNER_SENTENCE.search(rest)
    )


def _drop_trailing_slogans(
    kept: list[tuple[int, str]], lines: list[str], layout: Layout, is_metadata
) -> list[tuple[int, str]]:
    """Remove a closing block of short slogan/hotline lines that follows the story (a posted
    line among them stays, for the dates: "Disiarkan pada: September 8, 2016 @ 6:59am")."""
    if len(kept) < 3:
        return kept
    # The last block: the run of lines at the end with no blank line between them.
    block_start = len(kept) - 1
    while block_start > 0 and kept[block_start][0] - kept[block_start - 1][0] == 1:
        block_start -= 1
    block = kept[block_start:]
    story = kept[:block_start]
    if sum(1 for _, text in story if len(text) > _SHORT_LINE) < 2:
        return kept  # (one long line may be the headline: a page broken into short lines)
    short = all(len(text) <= _SHORT_LINE for _, text in block)
    if short and (len(block) >= 2 or any(_HOTLINE.search(text) for _, text in block)):
        # A posted line, or a date alone (a press release's sign-off), stays for the dates.
        posted = [item for item in block if is_metadata(item[1], in_header=True)]
        slogans = [text for item in block if item not in posted for text in (item[1],)]
        if slogans:
            layout.removed.append(Removed("campaign slogan", "\n".join(slogans)))
        return story + posted
    return kept
