package org.gpconnect.accessrecord.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A section's XHTML as a consumer's renderer sees it: parsed with a namespace-aware XML parser (so it must be
 * well-formed), every element checked to be an allowed XHTML element (access-record-html.md §4), and read by
 * structure: headings, banners, tables by id, header cells, rows with their cells' lines.
 */
public final class XhtmlView {

    public static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** The elements the views use; §4 forbids script, style, forms, frames, objects and the like. */
    private static final Set<String> ALLOWED = Set.of("div", "h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td", "br");

    private final String raw;
    private final Element root;

    private XhtmlView(String raw, Element root) {
        this.raw = raw;
        this.root = root;
    }

    public static XhtmlView parse(String div) {
        assertThat(div).as("§4: no CR, LF or TAB anywhere in the div").doesNotContain("\r", "\n", "\t");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(div))).getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("div");
            checkElements(root);
            return new XhtmlView(div, root);
        } catch (Exception e) {
            throw new AssertionError("The view is not well-formed XHTML: " + e.getMessage() + "\n" + div, e);
        }
    }

    private static void checkElements(Element element) {
        assertThat(element.getNamespaceURI()).as("namespace of <%s>", element.getLocalName()).isEqualTo(XHTML);
        assertThat(ALLOWED).as("§4 allowed elements").contains(element.getLocalName());
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            String name = element.getAttributes().item(i).getNodeName();
            assertThat(name).as("no event handler attributes").doesNotStartWith("on");
            assertThat(Set.of("xmlns", "class", "id", "colspan")).contains(name);
        }
        children(element).forEach(XhtmlView::checkElements);
    }

    public String raw() {
        return raw;
    }

    public Element root() {
        return root;
    }

    public String h1() {
        List<Element> h1 = named(root, "h1");
        assertThat(h1).hasSize(1);
        return h1.get(0).getTextContent();
    }

    /** The {@code <h2>} of each subsection, in order. */
    public List<String> h2() {
        return descendants(root, "h2").stream().map(Node::getTextContent).toList();
    }

    /** The subsection {@code <div>} whose {@code <h2>} is this title. */
    public Element subsection(String title) {
        return descendants(root, "h2").stream().filter(h -> h.getTextContent().equals(title))
                .map(h -> (Element) h.getParentNode()).findFirst()
                .orElseThrow(() -> new AssertionError("no subsection '" + title + "' in " + raw));
    }

    /** Texts of the banners with this class directly in {@code scope} (the page root or a subsection div). */
    public static List<String> banners(Element scope, String cssClass) {
        return children(scope).stream().filter(e -> e.getLocalName().equals("div") && cssClass.equals(e.getAttribute("class")))
                .map(Node::getTextContent).toList();
    }

    /** Every class of the banner divs directly in {@code scope}, in order. */
    public static List<String> bannerClasses(Element scope) {
        return children(scope).stream().filter(e -> e.getLocalName().equals("div") && !e.getAttribute("class").isEmpty())
                .map(e -> e.getAttribute("class")).toList();
    }

    /** The "no data" fragment's paragraphs in {@code scope}: the one class-less div holding only {@code <p>}s. */
    public static List<String> noData(Element scope) {
        return children(scope).stream()
                .filter(e -> e.getLocalName().equals("div") && e.getAttribute("class").isEmpty()
                        && !children(e).isEmpty() && children(e).stream().allMatch(p -> p.getLocalName().equals("p")))
                .flatMap(e -> children(e).stream()).map(Node::getTextContent).toList();
    }

    public Element table(String id) {
        List<Element> tables = descendants(root, "table").stream().filter(t -> id.equals(t.getAttribute("id"))).toList();
        assertThat(tables).as("tables with id " + id).hasSize(1);
        return tables.get(0);
    }

    public boolean hasTable(String id) {
        return descendants(root, "table").stream().anyMatch(t -> id.equals(t.getAttribute("id")));
    }

    public List<String> tableIds() {
        return descendants(root, "table").stream().map(t -> t.getAttribute("id")).toList();
    }

    public List<String> headers(String id) {
        return descendants(table(id), "th").stream().map(Node::getTextContent).toList();
    }

    /** The body rows of a table, each as its cells' text, a cell's lines joined by "\n". */
    public List<List<String>> rows(String id) {
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : descendants(named(table(id), "tbody").get(0), "tr")) {
            rows.add(named(tr, "td").stream().map(XhtmlView::lines).toList());
        }
        return rows;
    }

    /** The body rows' {@code <td>} elements. */
    public List<List<Element>> cells(String id) {
        List<List<Element>> rows = new ArrayList<>();
        for (Element tr : descendants(named(table(id), "tbody").get(0), "tr")) {
            rows.add(named(tr, "td"));
        }
        return rows;
    }

    /** A column's values, data rows only (grouping rows skipped). */
    public List<String> column(String id, String header) {
        int index = headers(id).indexOf(header);
        assertThat(index).as("column " + header).isNotNegative();
        return rows(id).stream().filter(r -> r.size() > 1).map(r -> r.get(index)).toList();
    }

    static String lines(Element cell) {
        StringBuilder text = new StringBuilder();
        Node child = cell.getFirstChild();
        while (child != null) {
            if (child instanceof Element e && e.getLocalName().equals("br")) {
                text.append('\n');
            } else {
                text.append(child.getTextContent());
            }
            child = child.getNextSibling();
        }
        return text.toString();
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static List<Element> named(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(name)).toList();
    }

    private static List<Element> descendants(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element child : children(parent)) {
            if (child.getLocalName().equals(name)) {
                found.add(child);
            }
            found.addAll(descendants(child, name));
        }
        return found;
    }
}
