/*
 * Site script. Loaded as an external file (no inline script, CSP-friendly) at
 * the end of <body>, after lib/dkfds/js/dkfds.min.js, which defines the global
 * `DKFDS`.
 *
 * Everything here is progressive enhancement: every page must work without it.
 */
(function () {
    'use strict';

    function onReady(fn) {
        if (document.readyState === 'loading') {
            document.addEventListener('DOMContentLoaded', fn);
        } else {
            fn();
        }
    }

    // Submit the element's form in a way that fires the submit event (and so
    // unobtrusive validation) and keeps the value of a clicked submit button.
    function submitForm(form, submitter) {
        if (typeof form.requestSubmit === 'function') {
            form.requestSubmit(submitter || undefined);
        } else {
            form.submit();
        }
    }

    // <select data-autosubmit> submits its form when the choice changes, e.g.
    // a filter. Keep a real submit button in the form for users without
    // script (it may be hidden with class "js-autosubmit-hide").
    document.addEventListener('change', function (event) {
        var el = event.target;
        if (!(el instanceof HTMLSelectElement) || !el.hasAttribute('data-autosubmit') || !el.form) {
            return;
        }
        submitForm(el.form);
    });

    // <button data-confirm="Slet milepælen?"> (or <input type=submit>, or a
    // <form data-confirm>) asks before the form is submitted.
    document.addEventListener('click', function (event) {
        var el = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
        if (!el || el.tagName === 'FORM') {
            return;
        }
        if (!window.confirm(el.getAttribute('data-confirm'))) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form instanceof HTMLFormElement && form.hasAttribute('data-confirm') &&
            !window.confirm(form.getAttribute('data-confirm'))) {
            event.preventDefault();
        }
    });

    onReady(function () {
        document.documentElement.classList.add('js');

        // Hide fallback submit buttons next to auto-submitting selects.
        var hidden = document.querySelectorAll('.js-autosubmit-hide');
        for (var i = 0; i < hidden.length; i++) {
            hidden[i].hidden = true;
        }

        // A table wider than its box scrolls inside it; say so above it, where a phone user would
        // otherwise not know the status and the quick update are further right.
        var hintText = document.body.getAttribute('data-table-scroll-hint');
        function markScrollableTables() {
            var boxes = document.querySelectorAll('.table--responsive-scroll');
            for (var b = 0; b < boxes.length; b++) {
                var box = boxes[b];
                var scrollable = box.scrollWidth > box.clientWidth + 1;
                var hint = box.previousElementSibling && box.previousElementSibling.classList.contains('table-scroll-hint')
                    ? box.previousElementSibling : null;
                box.classList.toggle('is-scrollable', scrollable);
                if (scrollable && !hint && hintText) {
                    hint = document.createElement('p');
                    hint.className = 'table-scroll-hint';
                    hint.textContent = hintText;
                    box.parentNode.insertBefore(hint, box);
                } else if (!scrollable && hint) {
                    hint.parentNode.removeChild(hint);
                }
            }
        }
        markScrollableTables();
        var resizeTimer;
        window.addEventListener('resize', function () {
            window.clearTimeout(resizeTimer);
            resizeTimer = window.setTimeout(markScrollableTables, 150);
        });

        // Initialise all DKFDS components (accordions, alerts, navigation,
        // error summary, tables, tooltips, …) on the page.
        if (window.DKFDS && typeof window.DKFDS.init === 'function') {
            window.DKFDS.init();
        }

        // DKFDS writes its overflow button's text ("Mere") itself; the page's language gives it instead.
        document.querySelectorAll('nav[data-more-label]').forEach(function (nav) {
            var label = nav.querySelector('.more-option .more-button span');
            if (label) {
                label.textContent = nav.getAttribute('data-more-label');
            }
        });
    });
})();
