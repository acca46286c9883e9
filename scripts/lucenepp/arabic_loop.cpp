// Lucene++'s Arabic normalizer and stemmer in the loop a C++ user writes:
// each line of a file (loaded first) converted to wide characters, split
// on white space, each token normalized and stemmed, the stems of a line
// joined by a space and kept in a vector. Built and run by
// scripts/bench_api.sh beside sarf's own loops (examples/api_speed.rs).
//
//     arabic_loop FILE ROUNDS
//
// prints one line per loop and round: `lucene++ NAME SECONDS TOKENS BYTES`.
#include <lucene++/LuceneHeaders.h>
#include <lucene++/ArabicNormalizer.h>
#include <lucene++/ArabicStemmer.h>
#include <lucene++/StringUtils.h>

#include <chrono>
#include <cstdio>
#include <cwctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace Lucene;

static double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: arabic_loop FILE ROUNDS\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    std::vector<std::string> lines;
    size_t bytes = 0;
    for (std::string line; std::getline(in, line);) {
        bytes += line.size() + 1;
        lines.push_back(std::move(line));
    }
    int rounds = std::atoi(argv[2]);
    ArabicNormalizerPtr normalizer = newLucene<ArabicNormalizer>();
    ArabicStemmerPtr stemmer = newLucene<ArabicStemmer>();

    for (int round = 0; round < rounds; round++) {
        // Normalize + stem each whitespace token, the stems of a line joined.
        {
            size_t tokens = 0;
            std::vector<std::wstring> out;
            out.reserve(lines.size());
            auto start = std::chrono::steady_clock::now();
            for (const std::string& line : lines) {
                std::wstring wide = StringUtils::toUnicode(line);
                std::wstring stems;
                size_t i = 0, n = wide.size();
                while (i < n) {
                    while (i < n && std::iswspace(wide[i])) i++;
                    size_t begin = i;
                    while (i < n && !std::iswspace(wide[i])) i++;
                    if (i == begin) break;
                    wchar_t* token = &wide[begin];
                    int32_t len = normalizer->normalize(token, (int32_t)(i - begin));
                    len = stemmer->stem(token, len);
                    if (!stems.empty()) stems.push_back(L' ');
                    stems.append(token, len);
                    tokens++;
                }
                out.push_back(std::move(stems));
            }
            double s = seconds_since(start);
            std::printf("lucene++ normalize+stem %.4f %zu %zu\n", s, tokens, bytes);
        }
        // The normalizer alone over each whole line, each result kept.
        {
            std::vector<std::wstring> out;
            out.reserve(lines.size());
            auto start = std::chrono::steady_clock::now();
            for (const std::string& line : lines) {
                std::wstring wide = StringUtils::toUnicode(line);
                int32_t len = normalizer->normalize(&wide[0], (int32_t)wide.size());
                wide.resize(len);
                out.push_back(std::move(wide));
            }
            double s = seconds_since(start);
            std::printf("lucene++ normalize %.4f 0 %zu\n", s, bytes);
        }
    }
    return 0;
}
