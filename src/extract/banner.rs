//! Page banners: headings that name the kind of page rather than the story.
//!
//! Many portal and blog themes print the template's name in a banner above
//! the article ("Chi tiết tin tức", "Blog Single", "Post Details"), often as
//! the page's only `<h1>`. It is never the title, so it must not compete
//! with the metadata or the story's own heading.

use super::norm::fold;

/// Folded banner names, matched against the whole heading (an optional
/// leading "the" allowed): a story titled "Chi tiết vụ cháy…" still counts.
const BANNERS: &[&str] = &[
    "chi tiet",
    "chi tiet tin",
    "chi tiet tin tuc",
    "chi tiet bai viet",
    "chi tiet su kien",
    "chi tiet thong bao",
    "tin chi tiet",
    "bai viet chi tiet",
    "noi dung chi tiet",
    "xem chi tiet",
    "blog single",
    "single blog",
    "single post",
    "blog details",
    "blog detail",
    "post details",
    "post detail",
    "news details",
    "news detail",
    "article details",
    "article detail",
    "single news",
    "news single",
];

/// Whether a heading's text is a template's banner, not a title.
pub fn is_page_banner(text: &str) -> bool {
    let f = fold(text);
    let f = f.trim_matches(|c: char| !c.is_alphanumeric());
    let f = f.strip_prefix("the ").unwrap_or(f);
    BANNERS.contains(&f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_are_banners() {
        assert!(is_page_banner("Chi tiết tin tức"));
        assert!(is_page_banner("CHI TIẾT BÀI VIẾT"));
        assert!(is_page_banner("The Blog Single"));
        assert!(is_page_banner("Post Details:"));
    }

    #[test]
    fn a_story_about_details_is_not_a_banner() {
        assert!(!is_page_banner("Chi tiết vụ cháy chợ Phố Hiến"));
        assert!(!is_page_banner("Tin tức trong ngày"));
        assert!(!is_page_banner("Single-use plastics banned"));
    }
}
