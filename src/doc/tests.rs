use super::*;
use unicode_width::UnicodeWidthStr;

fn texts(doc: &Doc) -> Vec<String> {
    doc.lines.iter().map(line_text).collect()
}

#[test]
fn a_plain_body_table_with_tab_cells_is_a_table() {
    let body = "Năm nay tỉnh đạt nhiều kết quả.\n\nXã\tSố hộ\t\nTân Hưng\t120\t5\n\nMinh Anh";
    let blocks = blocks_from_plain(body, "");
    assert_eq!(
        blocks[1],
        Block::Table(vec![
            vec!["Xã".into(), "Số hộ".into(), "".into()],
            vec!["Tân Hưng".into(), "120".into(), "5".into()],
        ])
    );
}

#[test]
fn plain_body_becomes_lead_heading_caption_paragraph_signature() {
    let body = "Dòng dẫn.\n\nKết quả nổi bật\n\nẢnh: Quang cảnh hội nghị.\n\nNăm nay tỉnh đạt nhiều kết quả.\n\nMinh Anh";
    let blocks = blocks_from_plain(body, "Dòng dẫn.");
    assert_eq!(
        blocks,
        vec![
            Block::Lead("Dòng dẫn.".into()),
            Block::Heading("Kết quả nổi bật".into()),
            Block::Caption("Ảnh: Quang cảnh hội nghị.".into()),
            Block::Paragraph("Năm nay tỉnh đạt nhiều kết quả.".into()),
            Block::Signature("Minh Anh".into()),
        ]
    );
    let separate = blocks_from_plain("Thân bài.", "Tóm tắt.");
    assert_eq!(
        separate[0],
        Block::Lead("Tóm tắt.".into()),
        "summary shown as the lead"
    );
}

#[test]
fn lines_never_exceed_the_width_nfc_or_nfd() {
    let nfd = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t ";
    let text = format!("{}{}", "Tiếng Việt có dấu ".repeat(20), nfd.repeat(10));
    for width in [1u16, 2, 5, 17, 40] {
        let doc = layout(
            &[
                Block::Paragraph(text.clone()),
                Block::List(vec![text.clone()]),
            ],
            width,
        );
        for l in texts(&doc) {
            assert!(l.width() <= usize::from(width), "{width}: {l:?}");
        }
    }
    let doc = layout(&[Block::Paragraph("một hai ba".into())], 7);
    assert_eq!(texts(&doc), vec!["một hai", "ba"]);
}

#[test]
fn lists_tables_and_links_are_laid_out() {
    let blocks = [
        Block::List(vec!["Thứ nhất".into(), "Thứ hai".into()]),
        Block::Table(vec![
            vec!["Xã".into(), "Số hộ".into()],
            vec!["Tân Hưng".into(), "120".into()],
        ]),
        Block::Paragraph("Xem https://p.vn/a.".into()),
        Block::Links(vec![("Văn bản".into(), "https://p.vn/b".into())]),
    ];
    let doc = layout(&blocks, 40);
    let t = texts(&doc);
    assert_eq!(t[0], "• Thứ nhất");
    assert_eq!(t[3], "Xã       │ Số hộ");
    assert!(t[4].starts_with("────"));
    assert_eq!(t[5], "Tân Hưng │ 120");
    assert_eq!(t[7], "Xem https://p.vn/a.[1]");
    assert_eq!(t[9], "• Văn bản [2]");
    assert_eq!(doc.links, vec!["https://p.vn/a", "https://p.vn/b"]);
}

#[test]
fn matches_ignore_diacritics_and_point_into_the_original_text() {
    let doc = layout(&[Block::Paragraph("Hội nghị Đảng ủy tỉnh".into())], 80);
    let found = find_matches(&doc.lines, "dang UY");
    let text = line_text(&doc.lines[0]);
    let words: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(words, vec!["Đảng", "ủy"]);
    assert!(find_matches(&doc.lines, "  ").is_empty());
}
