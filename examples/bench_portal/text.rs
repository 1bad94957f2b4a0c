//! Deterministic Vietnamese-like text for the benchmark portal: a small word list drawn with
//! a skew (a few words in almost every article, most in few), like real news, so that search
//! sees both very common and rare terms.

/// Words and short phrases written for this benchmark; the first ones are drawn most often.
const WORDS: &[&str] = &[
    "tỉnh",
    "huyện",
    "xã",
    "nhân dân",
    "cán bộ",
    "đảng viên",
    "Đảng ủy",
    "phát triển",
    "kinh tế",
    "xã hội",
    "công tác",
    "triển khai",
    "năm",
    "kế hoạch",
    "hội nghị",
    "tổ chức",
    "thực hiện",
    "chương trình",
    "địa phương",
    "cơ sở",
    "tuyên truyền",
    "nông thôn mới",
    "chuyển đổi số",
    "doanh nghiệp",
    "đầu tư",
    "hạ tầng",
    "giao thông",
    "y tế",
    "giáo dục",
    "văn hóa",
    "du lịch",
    "an ninh",
    "quốc phòng",
    "môi trường",
    "nông nghiệp",
    "sản xuất",
    "thu hoạch",
    "lúa",
    "nhãn lồng",
    "vải thiều",
    "hợp tác xã",
    "khu công nghiệp",
    "thanh niên",
    "phụ nữ",
    "cựu chiến binh",
    "mặt trận",
    "đoàn kết",
    "bầu cử",
    "hội đồng",
    "ủy ban",
    "chủ tịch",
    "bí thư",
    "phó chủ tịch",
    "đại biểu",
    "kiểm tra",
    "giám sát",
    "cải cách hành chính",
    "dịch vụ công",
    "trực tuyến",
    "người dân",
    "hộ nghèo",
    "an sinh",
    "bảo hiểm",
    "việc làm",
    "đào tạo",
    "nghề",
    "trường học",
    "học sinh",
    "giáo viên",
    "bệnh viện",
    "trạm y tế",
    "tiêm chủng",
    "phòng chống",
    "dịch bệnh",
    "thiên tai",
    "lũ lụt",
    "đê điều",
    "thủy lợi",
    "kênh mương",
    "đường làng",
    "cầu",
    "quy hoạch",
    "đất đai",
    "giải phóng mặt bằng",
    "tái định cư",
    "di tích",
    "lễ hội",
    "đình làng",
    "chùa",
    "nghệ thuật",
    "chèo",
    "thể thao",
    "bóng đá",
    "giải đấu",
    "khen thưởng",
    "thi đua",
    "gương điển hình",
    "học tập",
    "tư tưởng",
    "đạo đức",
    "phong cách",
    "Hồ Chí Minh",
    "nghị quyết",
    "chỉ thị",
    "văn bản",
    "pháp luật",
    "tư pháp",
    "hòa giải",
    "công an",
    "trật tự",
    "an toàn",
    "phòng cháy",
    "chữa cháy",
    "ma túy",
    "tội phạm",
    "xuất khẩu",
    "thương mại",
    "chợ",
    "giá cả",
    "thị trường",
    "ngân sách",
    "thuế",
    "tín dụng",
    "ngân hàng",
    "khởi nghiệp",
    "sáng tạo",
    "khoa học",
    "công nghệ",
    "nhãn hiệu",
    "sản phẩm OCOP",
    "làng nghề",
    "gốm",
    "mây tre đan",
    "hàng thủ công",
    "nước sạch",
    "rác thải",
    "cây xanh",
    "ao hồ",
    "sông Hồng",
    "sông Luộc",
    "bãi bồi",
    "vùng chuyên canh",
    "cánh đồng mẫu lớn",
    "máy gặt",
    "giống mới",
    "chăn nuôi",
    "thủy sản",
    "cá rô",
    "gà",
    "lợn",
    "bò sữa",
    "hội thao",
    "kỷ niệm",
    "ngày thành lập",
    "truyền thống",
    "huân chương",
    "bằng khen",
    "lãnh đạo",
    "chỉ đạo",
    "đoàn công tác",
    "thăm hỏi",
    "tặng quà",
    "gia đình chính sách",
    "thương binh",
    "liệt sĩ",
    "tri ân",
    "nghĩa trang",
    "người cao tuổi",
    "trẻ em",
    "khuyến học",
    "khuyến tài",
    "thư viện",
    "sách",
    "báo chí",
    "phát thanh",
    "truyền hình",
    "mạng xã hội",
    "thông tin",
    "dư luận",
    "ý kiến",
    "kiến nghị",
    "cử tri",
    "tiếp xúc",
    "đối thoại",
    "giải quyết",
    "khiếu nại",
    "tố cáo",
    "minh bạch",
    "tiết kiệm",
    "lãng phí",
    "tham nhũng",
    "tiêu cực",
    "kỷ luật",
    "kỷ cương",
    "hiệu quả",
    "chất lượng",
    "bền vững",
];

/// Words no article shares with many others: they make rare search terms.
const RARE: &[&str] = &[
    "Khoái Châu",
    "Phù Cừ",
    "Tiên Lữ",
    "Ân Thi",
    "Kim Động",
    "Văn Giang",
    "Yên Mỹ",
    "Mỹ Hào",
    "Văn Lâm",
    "Phố Hiến",
    "Chử Đồng Tử",
    "Đa Hòa",
    "Nôm",
    "Thiên Ứng",
    "Lạc Đạo",
    "Nghĩa Trụ",
];

/// A small deterministic generator (xorshift): the same seed gives the same portal.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A word, the first ones of the list far more often (roughly Zipf).
    fn word(&mut self) -> &'static str {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        WORDS[((u * u * u) * WORDS.len() as f64) as usize]
    }

    /// `n` words as one sentence: a capital first letter, a full stop.
    pub fn sentence(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.word());
            if self.below(40) == 0 {
                s.push(' ');
                s.push_str(RARE[self.below(RARE.len())]);
            }
        }
        capitalise(&s) + "."
    }

    /// A paragraph of a few sentences, about `words` words long.
    pub fn paragraph(&mut self, words: usize) -> String {
        let mut out = Vec::new();
        let mut left = words;
        while left > 0 {
            let n = (6 + self.below(10)).min(left);
            out.push(self.sentence(n));
            left -= n;
        }
        out.join(" ")
    }

    /// A title: a place, then a few words, no full stop.
    pub fn title(&mut self, n: usize) -> String {
        let mut t = self.sentence(n);
        t.pop();
        format!("{}: {t}", RARE[self.below(RARE.len())])
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Text safe inside HTML and XML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
