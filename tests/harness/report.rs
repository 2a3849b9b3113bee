//! What a test reads about the run beside the DOM: console messages, screenshots, and
//! the failure report every helper ends in.

use std::path::PathBuf;

use fantoccini::Locator;

use crate::{target_dir, App, ConsoleMessage};

impl App {
    /// Saves a PNG of the window as `target/screenshots/<test>-<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self
            .client()
            .screenshot()
            .await
            .unwrap_or_else(|error| panic!("take a screenshot: {error}"));
        let directory = target_dir().join("screenshots");
        std::fs::create_dir_all(&directory)
            .unwrap_or_else(|error| panic!("create {}: {error}", directory.display()));
        let path = directory.join(format!("{}-{name}.png", current_test_name()));
        std::fs::write(&path, png)
            .unwrap_or_else(|error| panic!("write {}: {error}", path.display()));
        path
    }

    /// Every console message so far (errors, warnings, logs).
    pub async fn console_messages(&self) -> Vec<ConsoleMessage> {
        let fresh = self.browser.take_console_log().await;
        let mut console = self
            .console
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        console.extend(fresh);
        console.clone()
    }

    /// The console errors so far: console.error, uncaught exceptions, failed loads.
    pub async fn console_errors(&self) -> Vec<String> {
        let messages = self.console_messages().await;
        let errors = messages.into_iter().filter(ConsoleMessage::is_error);
        errors.map(|message| message.message).collect()
    }

    /// Fails the test, listing them, if the console shows any error.
    pub async fn assert_no_console_errors(&self) {
        let errors = self.console_errors().await;
        if !errors.is_empty() {
            let message = format!("the console shows errors:\n  {}", errors.join("\n  "));
            self.fail(&message).await;
        }
    }

    /// Fails the test if the console shows a Rust panic or a wasm trap.
    pub async fn assert_no_panic(&self) {
        let errors = self.console_errors().await;
        let panics: Vec<&String> = errors
            .iter()
            .filter(|message| message.contains("panicked") || message.contains("RuntimeError"))
            .collect();
        if !panics.is_empty() {
            let listed: Vec<&str> = panics.iter().map(|message| message.as_str()).collect();
            let message = format!("the app panicked:\n  {}", listed.join("\n  "));
            self.fail(&message).await;
        }
    }

    /// Panics with `message` plus what a reader needs to see why: the URL, the start of
    /// the page text, the console errors and a screenshot.
    pub async fn fail(&self, message: &str) -> ! {
        let url = self.client().current_url().await.map(|url| url.to_string());
        let body = match self.client().find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        let excerpt: String = body.chars().take(600).collect();
        let console = self.browser.take_console_log().await;
        let mut known = self
            .console
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        known.extend(console);
        let console_lines: Vec<String> = known
            .iter()
            .map(|message| format!("{} {}", message.level, message.message))
            .collect();
        let screenshot = match self.client().screenshot().await {
            Ok(png) => {
                let directory = target_dir().join("screenshots");
                let path = directory.join(format!("{}-failure.png", current_test_name()));
                let written =
                    std::fs::create_dir_all(&directory).and_then(|_| std::fs::write(&path, png));
                match written {
                    Ok(()) => path.display().to_string(),
                    Err(error) => format!("(not saved: {error})"),
                }
            }
            Err(error) => format!("(not taken: {error})"),
        };
        panic!(
            "{message}\n--- browser: {}, {}\n--- url: {}\n--- page text (start):\n{excerpt}\n--- console:\n  {}\n--- screenshot: {screenshot}",
            self.browser.version(),
            self.browser.viewport_description(),
            url.unwrap_or_else(|error| format!("(unknown: {error})")),
            console_lines.join("\n  "),
        );
    }
}

/// The running test's name (libtest names the thread after it), for file names.
fn current_test_name() -> String {
    let thread = std::thread::current();
    let name = thread.name().unwrap_or("test");
    name.rsplit("::")
        .next()
        .unwrap_or(name)
        .chars()
        .map(|character| {
            if character.is_alphanumeric() || character == '_' {
                character
            } else {
                '-'
            }
        })
        .collect()
}
